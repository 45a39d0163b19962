import { parseInstant } from '@fundledger/calendar';
import { readStreamAt, recordedBy, type EventStore, type RecordedEvent } from '@fundledger/event-store';
import { awardStreamName, programmeStreamName } from '@fundledger/funding';
import { emptyLedgerView, foldLedgerView, happenedBy, type AwardView, type LedgerView, type ProgrammeView } from '../ledger';
import { AsAtNotRecordedError } from './read-model.errors';
import type { ReadPoint } from './read-point';

/** The ledger as it stood at one log position: every answer says which. */
export interface LedgerSnapshot {
  /** The last event folded in (decimal string); '-1' before the first event. */
  readonly position: string;
  /** When the store recorded that event; absent before the first event. */
  readonly recordedAt?: string;
  /** The business date the ledger is read as of, when it is (see ReadPoint). */
  readonly asOf?: string;
  award(awardId: string): AwardView | undefined;
  programme(programmeId: string): ProgrammeView | undefined;
  awards(): Iterable<AwardView>;
  /** For programme totals and contributor statements. */
  ledger(): LedgerView;
}

/** A point in the log's history: a position, or a recorded time (both inclusive). */
export type AsAt = { readonly position: bigint } | { readonly time: string };

export const ledgerSnapshot = (view: LedgerView, position: bigint, recordedAt?: string, asOf?: string): LedgerSnapshot => ({
  position: position.toString(),
  ...(recordedAt === undefined ? {} : { recordedAt }),
  ...(asOf === undefined ? {} : { asOf }),
  award: (awardId) => view.awards.get(awardId),
  programme: (programmeId) => view.programmes.get(programmeId),
  awards: () => view.awards.values(),
  ledger: () => view,
});

/**
 * Milliseconds since the epoch of an as-at time: an ISO-8601 instant with its offset, or a plain date
 * meaning midnight UTC (parseInstant's reading, the same as every other as-at of the service).
 */
export const instantOf = (time: string): number => Date.parse(parseInstant(time, 'knownAt'));

/**
 * Narrows an answer to one award: only its stream and its programme's are read, never the whole log,
 * so a question about one award costs what that award holds. Its position is then the last event of
 * those streams folded in.
 */
export interface ReadScope {
  readonly awardId: string;
}

/**
 * The ledger at a read point, folded from the log alone: nothing persisted takes part, so the same
 * question always gets the same answer. A recording point beyond what the log has recorded is refused
 * rather than answered, because that answer could still change.
 */
export async function foldLedgerAt(
  store: EventStore,
  point: ReadPoint,
  now: () => Date = () => new Date(),
  scope?: ReadScope,
): Promise<LedgerSnapshot> {
  const head = await store.headPosition();
  const { knownAt, asOf } = point;
  const happened = asOf === undefined ? () => true : happenedBy(asOf);
  if (knownAt !== undefined && 'position' in knownAt) {
    if (knownAt.position > head) {
      throw new AsAtNotRecordedError(`position ${knownAt.position} is beyond the log's last position ${head}`);
    }
    return foldUntil(eventsOf(store, knownAt.position, scope), happened, asOf);
  }
  if (knownAt === undefined) return foldUntil(eventsOf(store, head, scope), happened, asOf);
  const until = instantOf(knownAt.time);
  if (until > now().getTime()) {
    throw new AsAtNotRecordedError(`knownAt ${knownAt.time} is in the future; events may still be recorded before it`);
  }
  // Every event up to the head is considered (recordedBy says why); the recording cut comes first, so the
  // business-time filter sees only what was known then.
  const known = recordedBy({ time: new Date(until).toISOString() });
  return foldUntil(eventsOf(store, head, scope), (event) => known(event) && happened(event), asOf);
}

/** The ledger as at a position or a recorded time (no business-time cut). */
export const foldLedgerAsAt = (store: EventStore, at: AsAt, now?: () => Date): Promise<LedgerSnapshot> =>
  foldLedgerAt(store, { knownAt: at }, now);

/** Events folded per step: the maps are copied once a step, not once an event, and the log is never held whole. */
const FOLD_STEP = 1000;

/** The log up to a position, or only the scoped award's and its programme's streams, in log order. */
async function* eventsOf(store: EventStore, toPosition: bigint, scope: ReadScope | undefined): AsyncIterable<RecordedEvent> {
  if (toPosition < 0n) return;
  if (scope === undefined) {
    yield* store.readAll({ toPosition });
    return;
  }
  const cut = { position: toPosition };
  const award = await readStreamAt(store, awardStreamName(scope.awardId), cut);
  const programmeId = award[0]?.data.programmeId;
  const programme = typeof programmeId === 'string' ? await readStreamAt(store, programmeStreamName(programmeId), cut) : [];
  yield* [...programme, ...award].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

async function foldUntil(
  events: AsyncIterable<RecordedEvent>,
  include: (event: RecordedEvent) => boolean,
  asOf: string | undefined,
): Promise<LedgerSnapshot> {
  let view = emptyLedgerView;
  let last: RecordedEvent | undefined;
  let step: RecordedEvent[] = [];
  for await (const event of events) {
    if (!include(event)) continue;
    step.push(event);
    last = event;
    if (step.length === FOLD_STEP) {
      view = foldLedgerView(step, view);
      step = [];
    }
  }
  return ledgerSnapshot(foldLedgerView(step, view), last?.position ?? -1n, last?.recordedAt, asOf);
}
