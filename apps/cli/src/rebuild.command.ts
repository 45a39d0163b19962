import { EVENT_STORE, type EventStore, loadReadModelConfig } from '@fundledger/event-store';
import { LEDGER_VIEW_CODEC_VERSION, REBUILD_BATCH, ReadModelStore, rebuildLedgerReadModel } from '@fundledger/projections';
import { Command } from 'commander';
import type { CliGlobalOptions } from './cli.config';
import { print, withSession } from './cli.session';
import { logWalkProgressOn } from './log-walk.progress';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The read model is a cache of the log: rebuilding it is always safe. The file is the service's
 * (FUNDLEDGER_READ_DB, or beside the store that --db or FUNDLEDGER_DB names).
 */
export const rebuildCommand = (): Command =>
  new Command('rebuild')
    .description("rebuild the read model (the service's persisted views and report rows) from the whole log, one transaction per batch of events")
    .action((_options: unknown, command: Command) =>
      withSession(command, async ({ app }) => {
        const { db } = command.optsWithGlobals<CliGlobalOptions>();
        // The session has read .env into the environment; --db stands for FUNDLEDGER_DB, as for the store.
        const config = loadReadModelConfig(db === undefined ? process.env : { ...process.env, FUNDLEDGER_DB: db });
        const readModels = ReadModelStore.open(config.path, `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
        const progress = logWalkProgressOn(process.stderr, 'rebuild');
        try {
          const outcome = await rebuildLedgerReadModel(app.get<EventStore>(EVENT_STORE), readModels, {
            onProgress: (events) => progress.advance(events),
          });
          progress.stop();
          print(`read model: ${readModels.path}`);
          print(`events folded: ${outcome.events} (to position ${outcome.position})`);
          print(`rows written: ${count(outcome.awards, 'award')}, ${count(outcome.programmes, 'programme')}`);
          print(`transactions: ${outcome.transactions} (the log read in batches of ${REBUILD_BATCH} events)`);
          print(`time taken: ${outcome.elapsedMs} ms`);
        } finally {
          readModels.close();
        }
      }),
    );
