import {
  copyLog,
  describeLocation,
  MigrationError,
  openForMigration,
  parseStoreLocation,
  verifyCopy,
  type EventStore,
} from '@fundledger/event-store';
import { Command } from 'commander';
import { print } from './cli.session';
import { logWalkProgressOn } from './log-walk.progress';

interface MigrateOptions {
  readonly from: string;
  readonly to: string;
  readonly acceptRestampedTimes?: boolean;
}

/**
 * Copies a whole log from one store to another (README "Outgrowing one machine"): the same event ids,
 * order, data and metadata, so the same hash chains. Run it again after an interruption and it goes on
 * where it stopped; it ends by reading both logs again and checking the copy and its chains.
 */
export const migrateCommand = (): Command =>
  new Command('migrate')
    .description('copy a whole log between stores (SQLite file, postgresql:// URL, esdb:// URL), then verify the copy')
    .requiredOption('--from <store>', 'the log to copy: a SQLite file or a URL (stop the service that writes it first)')
    .requiredOption('--to <store>', 'where to copy it: an empty store, or one an interrupted run left part-way')
    .option('--accept-restamped-times', 'allow EventStoreDB as the target, which stamps its own recording instants')
    .action(async (options: MigrateOptions) => {
      const from = parseStoreLocation(options.from);
      const to = parseStoreLocation(options.to);
      // EventStoreDB stamps every event with its own clock: "as known at" answers about the time before
      // the move would change, so that loss must be asked for by name.
      if (to.kind === 'eventstoredb' && options.acceptRestampedTimes !== true) {
        throw new MigrationError(
          'TARGET_RESTAMPS',
          'EventStoreDB records each event at the instant of the copy, not the instant the source recorded it; ' +
            'pass --accept-restamped-times to migrate anyway',
        );
      }
      let stamp = new Date();
      const opened: EventStore[] = [];
      try {
        const source = await openForMigration(from, 'source', () => new Date());
        opened.push(source);
        const target = await openForMigration(to, 'target', () => stamp);
        opened.push(target);
        const keepsRecordedAt = to.kind !== 'eventstoredb';
        const progress = logWalkProgressOn(process.stderr, 'migrate');
        const copy = await copyLog(source, target, {
          stampNextAppend: (recordedAt) => {
            stamp = new Date(recordedAt);
          },
          keepsRecordedAt,
          onProgress: (events) => progress.advance(events),
        });
        progress.stop();
        print(
          `copied ${copy.copied} events from ${describeLocation(from)} to ${describeLocation(to)}` +
            (copy.alreadyThere > 0 ? ` (${copy.alreadyThere} already there from an earlier run)` : ''),
        );
        const verified = await verifyCopy(source, target, keepsRecordedAt);
        print(`verified: ${verified.streams} streams, ${verified.events} events, the same as the source; every hash chain holds`);
      } finally {
        await Promise.all(opened.map((store) => store.close()));
      }
    });
