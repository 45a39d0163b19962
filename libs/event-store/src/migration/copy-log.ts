import { canonicalJson } from '../chain/canonical-json';
import { checkChainLink, GENESIS_HASH } from '../chain/event-chain';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { MigrationError } from './migration.errors';

export interface CopyOptions {
  /** Sets the instant the target stamps on the next append (the target was opened with this clock). */
  readonly stampNextAppend: (recordedAt: string) => void;
  /** False when the target stamps its own instants (EventStoreDB): recordedAt is then not compared. */
  readonly keepsRecordedAt: boolean;
  readonly onProgress?: (events: number) => void;
}

export interface CopyResult {
  /** Events the target already held from an earlier, interrupted run. */
  readonly alreadyThere: number;
  readonly copied: number;
}

/** The most events one append carries: one source append is one target append unless it is longer. */
const maxBatch = 500;

/**
 * Copies the source's log to the target in the source's order, each run of one stream's events from
 * one original append as one atomic append, with the same ids, data and metadata (so the same hash
 * chains). Resumable: what the target holds must be exactly a prefix of the source, and copying goes
 * on after it; the target refuses anything else (the expected revision of each append guards against
 * a writer in between). The source must not be written meanwhile: stop the service first.
 */
export const copyLog = async (source: EventStore, target: EventStore, options: CopyOptions): Promise<CopyResult> => {
  const sourceEvents = source.readAll()[Symbol.asyncIterator]();
  let alreadyThere = 0;
  for await (const held of target.readAll()) {
    const next = await sourceEvents.next();
    if (next.done === true || difference(next.value, held, options.keepsRecordedAt) !== undefined) {
      throw new MigrationError(
        'TARGET_DIVERGES',
        `the target's event ${alreadyThere + 1} (${held.stream} revision ${held.revision}, id ${held.id}) is not the ` +
          `source's: the target must be empty or hold an earlier run's copy of this very log`,
      );
    }
    alreadyThere += 1;
  }

  let copied = 0;
  let batch: RecordedEvent[] = [];
  const flush = async (): Promise<void> => {
    const first = batch[0];
    if (first === undefined) return;
    options.stampNextAppend(first.recordedAt);
    await target.append(
      first.stream,
      batch.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n },
    );
    copied += batch.length;
    options.onProgress?.(alreadyThere + copied);
    batch = [];
  };
  for (let next = await sourceEvents.next(); next.done !== true; next = await sourceEvents.next()) {
    const event = next.value;
    const first = batch[0];
    if (first !== undefined && (first.stream !== event.stream || first.recordedAt !== event.recordedAt || batch.length >= maxBatch)) {
      await flush();
    }
    batch.push(event);
  }
  await flush();
  return { alreadyThere, copied };
};

export interface VerifyResult {
  readonly events: number;
  readonly streams: number;
}

/**
 * Reads both logs again, side by side: the same events in the same order, each the same to the byte
 * of its canonical JSON, and every stream's hash chain intact on the target.
 */
export const verifyCopy = async (source: EventStore, target: EventStore, keepsRecordedAt: boolean): Promise<VerifyResult> => {
  const targetEvents = target.readAll()[Symbol.asyncIterator]();
  const lastHash = new Map<string, string>();
  let events = 0;
  let positionsKept = true;
  for await (const original of source.readAll()) {
    const next = await targetEvents.next();
    const copy = next.done === true ? undefined : next.value;
    const mismatch = copy === undefined ? 'missing from the target' : difference(original, copy, keepsRecordedAt);
    if (mismatch !== undefined) {
      throw new MigrationError('COPY_MISMATCH', `event ${events + 1} (${original.stream} revision ${original.revision}): ${mismatch}`);
    }
    const link = checkChainLink(copy!, lastHash.get(copy!.stream) ?? GENESIS_HASH);
    if (!('hash' in link)) {
      throw new MigrationError('CHAIN_BROKEN', `${copy!.stream} at revision ${link.revision}: ${link.problem} on the target`);
    }
    lastHash.set(copy!.stream, link.hash);
    positionsKept &&= copy!.position === original.position;
    events += 1;
  }
  if ((await targetEvents.next()).done !== true) {
    throw new MigrationError('COPY_MISMATCH', `the target holds more than the source's ${events} events`);
  }
  // The Merkle root commits to each event's position too, so it can be compared only where the target
  // numbered the log as the source did (SQLite and PostgreSQL do; EventStoreDB has its own positions).
  if (positionsKept) {
    const [before, after] = await Promise.all([source.treeHeadAt(), target.treeHeadAt()]);
    if (before.rootHash !== after.rootHash || before.treeSize !== after.treeSize) {
      throw new MigrationError(
        'COPY_MISMATCH',
        `the target's Merkle root ${after.rootHash} over ${after.treeSize} events is not the source's ${before.rootHash} over ${before.treeSize}`,
      );
    }
  }
  return { events, streams: lastHash.size };
};

/** What differs between an event and its copy (positions aside: each store numbers its own log). */
const difference = (original: RecordedEvent, copy: RecordedEvent, keepsRecordedAt: boolean): string | undefined => {
  if (copy.id !== original.id) return `id ${copy.id} where the source has ${original.id}`;
  if (copy.stream !== original.stream || copy.revision !== original.revision) {
    return `${copy.stream} revision ${copy.revision} where the source has ${original.stream} revision ${original.revision}`;
  }
  if (copy.type !== original.type) return `type ${copy.type} where the source has ${original.type}`;
  if (canonicalJson(copy.data) !== canonicalJson(original.data)) return 'its data differs';
  if (canonicalJson(copy.metadata) !== canonicalJson(original.metadata)) return 'its metadata differs';
  if (keepsRecordedAt && copy.recordedAt !== original.recordedAt) {
    return `recorded at ${copy.recordedAt} where the source says ${original.recordedAt}`;
  }
  return undefined;
};
