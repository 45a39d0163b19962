import { InvalidCalendarValueError, parseDate, parseInstant, type IsoDate } from '@fundledger/calendar';
import type { LogCut } from '@fundledger/event-store';
import { InvalidReadPointError } from './read-model.errors';

/**
 * Where on the two time axes an answer is read. They answer different questions and are never mixed:
 * - `asOf` (business time): the world at the end of that UK day, as known now: only events whose
 *   business date (paidOn, receivedOn, effectiveOn, …) is on or before it. "What had we paid by 31 March?"
 * - `knownAt` (recording time): the ledger as it stood at a log position or a recorded instant: what it
 *   said then, before anything recorded later. "What did the ledger say on 30 April?"
 * Both at once: "as of 31 March 2022, as known on 30 April 2022". Neither: the ledger as it stands.
 */
export interface ReadPoint {
  readonly knownAt?: { readonly position: bigint } | { readonly time: string };
  readonly asOf?: IsoDate;
}

/** The axes as a caller writes them; `asAt` is the older name of `knownAt`, kept working as its alias. */
export interface ReadPointInput {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly asAt?: string;
  readonly position?: string;
}

const POSITION = /^(0|[1-9][0-9]{0,18})$/;

/**
 * The one reading of the two axes, for HTTP and the CLI alike. `today` is the UK date: an as-of date
 * after it is refused, because events may still be recorded dated on or before it.
 */
export function parseReadPoint(input: ReadPointInput, today: IsoDate): ReadPoint {
  const { asOf, knownAt, asAt, position } = input;
  if (knownAt !== undefined && asAt !== undefined) {
    throw new InvalidReadPointError('asAt is another name for knownAt; give one of them');
  }
  const time = knownAt ?? asAt;
  const timeName = knownAt !== undefined ? 'knownAt' : 'asAt';
  if (time !== undefined && position !== undefined) {
    throw new InvalidReadPointError(`give ${timeName} or position, not both: each says when the ledger is read as known`);
  }
  if (position !== undefined && !POSITION.test(position)) {
    throw new InvalidReadPointError(`position must be a log position, a whole number like 42; got '${position}'`);
  }
  const point: { knownAt?: ReadPoint['knownAt']; asOf?: IsoDate } = {};
  if (position !== undefined) point.knownAt = { position: BigInt(position) };
  if (time !== undefined) point.knownAt = { time: calendarValue(() => parseInstant(time, timeName)) };
  if (asOf !== undefined) {
    const date = calendarValue(() => parseDate(asOf, 'asOf'));
    if (date > today) {
      throw new InvalidReadPointError(
        `asOf ${date} is after today, ${today} (UK time): events dated on or before it may still be recorded`,
      );
    }
    point.asOf = date;
  }
  return point;
}

const calendarValue = <T>(read: () => T): T => {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidCalendarValueError) throw new InvalidReadPointError(error.message);
    throw error;
  }
};

/** The recording-time cut of a read point, as the event store reads it. */
export const logCutOf = (point: ReadPoint): LogCut => point.knownAt;

/** " as of 2022-03-31, as known at position 42": for messages such as "award x has not been made …". */
export function describeReadPoint(point: ReadPoint): string {
  const parts: string[] = [];
  if (point.asOf !== undefined) parts.push(`as of ${point.asOf}`);
  if (point.knownAt !== undefined) {
    parts.push('position' in point.knownAt ? `as known at position ${point.knownAt.position}` : `as known at ${point.knownAt.time}`);
  }
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

export const isCurrent = (point: ReadPoint): boolean => point.asOf === undefined && point.knownAt === undefined;

/** Where an answer was read, on both time axes: every answer (HTTP, CLI JSON) says so. */
export interface AnsweredAt {
  /** The last event folded in; '-1' before the first. */
  readonly position: string;
  /** When the store recorded that event. */
  readonly recordedAt?: string;
  /** Business time: the date asked for, or null for every business date recorded. */
  readonly asOf: string | null;
  /** Recording time: the instant (or "position n") asked for, or null for the ledger as it stands. */
  readonly knownAt: string | null;
}

export const answeredAtOf = (read: { readonly position: string; readonly recordedAt?: string }, point: ReadPoint): AnsweredAt => ({
  position: read.position,
  ...(read.recordedAt === undefined ? {} : { recordedAt: read.recordedAt }),
  asOf: point.asOf ?? null,
  knownAt: point.knownAt === undefined ? null : 'time' in point.knownAt ? point.knownAt.time : `position ${point.knownAt.position}`,
});

/** The line above a table: the same facts as AnsweredAt, in words. */
export const answeredAtLine = (at: AnsweredAt): string => {
  const read =
    at.position === '-1'
      ? 'Ledger at position -1 (before the first event)'
      : `Ledger at position ${at.position}, recorded ${at.recordedAt ?? '(unknown)'}`;
  const asOf = at.asOf === null ? 'as of: every business date' : `as of ${at.asOf} (business date)`;
  const knownAt = at.knownAt === null ? 'as known now' : `as known at ${at.knownAt}`;
  return `${read}; ${asOf}, ${knownAt}`;
};
