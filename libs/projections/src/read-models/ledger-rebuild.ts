import type { EventStore } from '@fundledger/event-store';
import { emptyLedgerView } from '../ledger';
import { LedgerBatch } from './ledger-batch';
import { LEDGER_CHECKPOINT } from './ledger-projection';
import { REPORT_PROJECTIONS } from './projections';
import type { ReadModelStore } from './read-model.store';

export interface RebuildOutcome {
  readonly events: number;
  readonly awards: number;
  readonly programmes: number;
  /** The last event folded; -1n for an empty log. */
  readonly position: bigint;
  /** Transactions written: one per batch. */
  readonly batches: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  /** Told the events folded so far, after each batch is committed, for a progress bar. */
  readonly onProgress?: (events: number) => void;
  /** Events folded per transaction; 5,000 by default. */
  readonly batchSize?: number;
}

export const REBUILD_BATCH = 5000;

/**
 * Folds the whole log again from nothing, in ordered batches: each batch's touched views and report
 * rows are written with the checkpoint after it in one transaction, so memory holds one view per award
 * and programme and one batch, however long the log. Run against a file the service is following, the
 * two writers agree: every row and the checkpoint only move forward.
 */
export async function rebuildLedgerReadModel(
  store: EventStore,
  readModels: ReadModelStore,
  options: RebuildOptions = {},
): Promise<RebuildOutcome> {
  const started = performance.now();
  const batchSize = options.batchSize ?? REBUILD_BATCH;
  readModels.clear();
  let batch = new LedgerBatch(emptyLedgerView, REPORT_PROJECTIONS);
  let inBatch = 0;
  let events = 0;
  let batches = 0;
  let position = -1n;
  const commit = (): void => {
    const last = batch.last;
    if (last === undefined) return;
    const { views, reports } = batch.rows();
    readModels.commit(LEDGER_CHECKPOINT, views, { position: last.position, eventId: last.id }, reports);
    position = last.position;
    batches += 1;
    batch = new LedgerBatch(batch.view(), REPORT_PROJECTIONS);
    inBatch = 0;
    options.onProgress?.(events);
  };
  for await (const event of store.readAll()) {
    batch.apply(event);
    inBatch += 1;
    events += 1;
    if (inBatch === batchSize) commit();
  }
  commit();
  const { awards, programmes } = batch.view();
  return { events, awards: awards.size, programmes: programmes.size, position, batches, elapsedMs: Math.round(performance.now() - started) };
}
