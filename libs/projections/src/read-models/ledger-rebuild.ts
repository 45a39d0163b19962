import type { EventStore, RecordedEvent } from '@fundledger/event-store';
import { emptyLedgerView, type LedgerView } from '../ledger';
import { LedgerBatch } from './ledger-batch';
import { REPORT_PROJECTIONS } from './projections';
import type { ReportProjection } from './projections/report-projection';
import type { Checkpoint, ReadModelStore } from './read-model.store';

/** The checkpoint the ledger views and every report projection share: they advance in one transaction. */
export const LEDGER_CHECKPOINT = 'ledger';

export interface RebuildOutcome {
  readonly events: number;
  readonly awards: number;
  readonly programmes: number;
  /** The last event folded; -1n for an empty log. */
  readonly position: bigint;
  /** Transactions written: one per chunk of touched awards and programmes. */
  readonly transactions: number;
  readonly elapsedMs: number;
}

export interface CatchUpOptions {
  /** Told the events folded so far, every `batchSize` events and at the end, for a progress bar. */
  readonly onProgress?: (events: number) => void;
  /** Events read and folded between progress reports (and turns of the event loop); 5,000 by default. */
  readonly batchSize?: number;
  /** Awards and programmes whose rows are written per transaction; 250 by default. */
  readonly sourcesPerTransaction?: number;
  /** Yield to the event loop between batches, so that a service catching up keeps answering. */
  readonly yieldBetweenBatches?: boolean;
  readonly projections?: readonly ReportProjection[];
  /** Asked between batches: true stops the read there, and what was folded is committed (a service shutting down). */
  readonly stopRequested?: () => boolean;
}

export type RebuildOptions = Omit<CatchUpOptions, 'yieldBetweenBatches' | 'projections' | 'stopRequested'>;

export const REBUILD_BATCH = 5000;
const SOURCES_PER_TRANSACTION = 250;

export interface CaughtUp {
  readonly view: LedgerView;
  readonly events: number;
  /** The last event applied and committed; undefined when there was nothing to fold. */
  readonly last?: RecordedEvent;
  readonly transactions: number;
  /** Why the catch-up stopped before `toPosition`: an event that cannot be applied (those before it are committed). */
  readonly refused?: string;
}

/**
 * Folds the log after `from` up to `toPosition` in ordered batches, then writes each award and
 * programme it touched once: its view and its rows in every projection, a chunk of sources per
 * transaction, the checkpoint with the last chunk. A source's rows depend on all of its events, so
 * writing them per batch of events would compute the rows of an award once per batch it appears in
 * (on an interleaved log, every batch); written once, a catch-up computes each award's
 * reconciliation once. Memory holds one view per award and programme, never the events.
 */
export async function catchUpLedgerReadModel(
  store: EventStore,
  readModels: ReadModelStore,
  from: { readonly view: LedgerView; readonly position: bigint },
  toPosition: bigint,
  options: CatchUpOptions = {},
): Promise<CaughtUp> {
  const batchSize = options.batchSize ?? REBUILD_BATCH;
  const batch = new LedgerBatch(from.view, options.projections ?? REPORT_PROJECTIONS);
  let events = 0;
  let refused: string | undefined;
  if (toPosition > from.position) {
    for await (const event of store.readAll({ fromPosition: from.position + 1n, toPosition })) {
      try {
        batch.apply(event);
      } catch (error) {
        refused = `could not apply ${event.type} at position ${event.position} (stream ${event.stream}): ${error instanceof Error ? error.message : String(error)}`;
        break;
      }
      events += 1;
      if (events % batchSize === 0) {
        options.onProgress?.(events);
        if (options.yieldBetweenBatches === true) await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.stopRequested?.() === true) break;
      }
    }
  }
  options.onProgress?.(events);
  const last = batch.last;
  if (last === undefined) return { view: from.view, events, transactions: 0, ...(refused === undefined ? {} : { refused }) };

  const checkpoint: Checkpoint = { position: last.position, eventId: last.id };
  let transactions = 0;
  const perTransaction = options.sourcesPerTransaction ?? SOURCES_PER_TRANSACTION;
  const count = Math.ceil(batch.size / perTransaction);
  // One chunk's rows at a time: the rows of every award at once would hold the whole read model in memory.
  for (const { views, reports } of batch.chunks(perTransaction)) {
    transactions += 1;
    // The checkpoint moves with the last chunk only: until then the file still says it is behind.
    readModels.commit(LEDGER_CHECKPOINT, views, transactions === count ? checkpoint : undefined, reports);
    if (options.yieldBetweenBatches === true) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Events of no award or programme still move the checkpoint past them.
  if (count === 0) {
    readModels.commit(LEDGER_CHECKPOINT, [], checkpoint);
    transactions += 1;
  }
  return { view: batch.view(), events, last, transactions, ...(refused === undefined ? {} : { refused }) };
}

/**
 * Folds the whole log again from nothing: the answer to a read model in doubt, and what the live
 * projection's rows must equal row for row. Run against a file the service is following, the two
 * writers agree: every row and the checkpoint only move forward.
 */
export async function rebuildLedgerReadModel(
  store: EventStore,
  readModels: ReadModelStore,
  options: RebuildOptions = {},
): Promise<RebuildOutcome> {
  const started = performance.now();
  readModels.clear();
  const caught = await catchUpLedgerReadModel(store, readModels, { view: emptyLedgerView, position: -1n }, await store.headPosition(), options);
  if (caught.refused !== undefined) throw new Error(caught.refused);
  return {
    events: caught.events,
    awards: caught.view.awards.size,
    programmes: caught.view.programmes.size,
    position: caught.last?.position ?? -1n,
    transactions: caught.transactions,
    elapsedMs: Math.round(performance.now() - started),
  };
}
