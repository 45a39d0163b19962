import type { EventStore, RecordedEvent } from '@fundledger/event-store';
import { emptyLedgerView, foldLedgerView } from '../ledger';
import { LEDGER_CHECKPOINT } from './ledger-projection';
import { ledgerRows } from './ledger-rows';
import type { ReadModelStore } from './read-model.store';

export interface RebuildOutcome {
  readonly events: number;
  readonly awards: number;
  readonly programmes: number;
  /** The last event folded; -1n for an empty log. */
  readonly position: bigint;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  /** Told the events folded so far, for a progress bar. */
  readonly onProgress?: (events: number) => void;
}

const STEP = 1000;

/**
 * Folds the whole log from nothing and replaces every row and the checkpoint with the result, in one
 * transaction: the answer to a read model in doubt, and what the projection's incremental rows must
 * equal row for row.
 */
export async function rebuildLedgerReadModel(
  store: EventStore,
  readModels: ReadModelStore,
  options: RebuildOptions = {},
): Promise<RebuildOutcome> {
  const started = performance.now();
  let view = emptyLedgerView;
  let last: RecordedEvent | undefined;
  let events = 0;
  let step: RecordedEvent[] = [];
  for await (const event of store.readAll()) {
    step.push(event);
    last = event;
    events += 1;
    if (step.length === STEP) {
      view = foldLedgerView(step, view);
      step = [];
      options.onProgress?.(events);
    }
  }
  view = foldLedgerView(step, view);
  options.onProgress?.(events);
  readModels.replaceAll(LEDGER_CHECKPOINT, ledgerRows(view), last === undefined ? undefined : { position: last.position, eventId: last.id });
  return {
    events,
    awards: view.awards.size,
    programmes: view.programmes.size,
    position: last?.position ?? -1n,
    elapsedMs: Math.round(performance.now() - started),
  };
}
