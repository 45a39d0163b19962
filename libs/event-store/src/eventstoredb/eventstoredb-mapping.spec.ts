import {
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  globalPositionOf,
  isStreamNotFound,
  isSystemEvent,
  toEsdbExpectedRevision,
  toJsonObject,
  toReadPosition,
  toRecordedEvent,
  translateStoreError,
} from './eventstoredb-mapping';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

const esdbEvent = (overrides: Partial<Record<string, unknown>> = {}): EsdbRecordedEvent =>
  ({
    streamId: 'award-a1',
    id: '3f1c1a52-2a4e-4a8e-9a55-0d5a3f0c1e01',
    isJson: true,
    revision: 4n,
    type: 'AwardMade',
    created: new Date('2022-03-31T16:45:12.345Z'),
    data: { amount: '200124.66' },
    metadata: { actor: { id: 'u1', role: 'finance-officer' } },
    position: { commit: 9_876n, prepare: 9_876n },
    ...overrides,
  }) as EsdbRecordedEvent;

describe('eventstoredb mapping', () => {
  describe('expected revision', () => {
    it('passes any, no_stream and a revision through unchanged', () => {
      expect(toEsdbExpectedRevision('any')).toBe('any');
      expect(toEsdbExpectedRevision('no_stream')).toBe('no_stream');
      expect(toEsdbExpectedRevision(0n)).toBe(0n);
      expect(toEsdbExpectedRevision(41n)).toBe(41n);
    });

    it("reads -1n as no_stream, EventStoreDB's own spelling of 'no stream yet'", () => {
      expect(toEsdbExpectedRevision(-1n)).toBe('no_stream');
    });

    it('refuses revisions below -1n as a caller error, not a conflict', () => {
      expect(() => toEsdbExpectedRevision(-2n)).toThrow(RangeError);
    });
  });

  describe('translating client errors', () => {
    const append = { stream: 'award-a1', expected: 2n } as const;

    it('turns a wrong expected version into the port’s conflict with the stream’s actual revision', () => {
      const error = new WrongExpectedVersionError(undefined, { streamName: 'award-a1', expected: 2n, current: 5n });
      const translated = translateStoreError(error, 'append to award-a1', append);
      expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
      expect(translated).toMatchObject({ stream: 'award-a1', expected: 2n, actual: 5n });
      expect(translated.message).toBe('stream award-a1: expected revision 2, but the stream is at 5');
    });

    it('keeps the expected revision the caller gave, even when the client rewrote it', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'award-a1',
        expected: 'no_stream',
        current: 'no_stream',
      });
      expect(translateStoreError(error, 'append', { stream: 'award-a1', expected: -1n })).toMatchObject({
        expected: -1n,
        actual: 'no_stream',
      });
    });

    it('reports an unreachable server as unavailable, naming the operation and keeping the cause', () => {
      const cause = new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
      const translated = translateStoreError(cause, 'read of $all');
      expect(translated).toBeInstanceOf(EventStoreUnavailableError);
      expect(translated.message).toBe(
        'EventStoreDB read of $all failed: UnavailableError: 14 UNAVAILABLE: No connection established',
      );
      expect((translated as EventStoreUnavailableError).cause).toBe(cause);
    });

    it('reports any other non-domain answer as unavailable too', () => {
      expect(translateStoreError(StreamDeletedError.fromStreamName('award-a1'), 'append', append)).toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(translateStoreError(new Error('Failed to discover after 10 attempts.'), 'ping')).toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(translateStoreError('socket hang up', 'ping').message).toBe('EventStoreDB ping failed: socket hang up');
    });

    it('passes the port’s own errors through untouched', () => {
      const conflict = new WrongExpectedRevisionError('s', 1n, 2n);
      const unavailable = new EventStoreUnavailableError('down');
      expect(translateStoreError(conflict, 'append', append)).toBe(conflict);
      expect(translateStoreError(unavailable, 'ping')).toBe(unavailable);
    });

    it('recognises a missing stream, which the port reads as empty', () => {
      expect(isStreamNotFound(new StreamNotFoundError(undefined, 'award-a1'))).toBe(true);
      expect(isStreamNotFound(new UnavailableError())).toBe(false);
      expect(isStreamNotFound(undefined)).toBe(false);
    });
  });

  describe('positions', () => {
    it('reads from the start for no position or one before the first event', () => {
      expect(toReadPosition(undefined)).toBe(START);
      expect(toReadPosition(-1n)).toBe(START);
      expect(toReadPosition(0n)).toBe(START);
    });

    it('names an event by its commit position twice, as gRPC appends commit each event at its own prepare', () => {
      expect(toReadPosition(1_234n)).toEqual({ commit: 1_234n, prepare: 1_234n });
    });

    it('takes the global position from the event’s commit position, then from the read’s', () => {
      expect(globalPositionOf({ position: { commit: 10n, prepare: 9n } }, 99n)).toBe(10n);
      expect(globalPositionOf({}, 99n)).toBe(99n);
    });

    it('refuses a server that reports no position at all', () => {
      expect(() => globalPositionOf({})).toThrow(EventStoreUnavailableError);
      expect(() => globalPositionOf({})).toThrow(/22\.6 or later/);
    });
  });

  describe('system events', () => {
    it.each([
      ['a system stream', { streamId: '$stats-127.0.0.1:2113', type: 'StatsCollected' }],
      ['a metadata stream', { streamId: '$$award-a1', type: '$metadata' }],
      ['a system event type', { streamId: 'award-a1', type: '$>' }],
      ['a kept checkpoint (beside the log, not in it)', { streamId: 'fundledger-kept-checkpoints', type: 'CheckpointKept' }],
    ])('are excluded: %s', (_, event) => expect(isSystemEvent(event)).toBe(true));

    it('do not include ledger events, even with a $ later in the name', () => {
      expect(isSystemEvent({ streamId: 'award-a1', type: 'AwardMade' })).toBe(false);
      expect(isSystemEvent({ streamId: 'programme-$11m', type: 'ProgrammeOpened' })).toBe(false);
    });
  });

  describe('data and metadata', () => {
    it('keeps a parsed JSON object as it is', () => {
      const data = { amount: '15000.00', months: { '2022-04': '1000.00' } };
      expect(toJsonObject(data, 'data', 'e1')).toBe(data);
    });

    it('reads absent or empty metadata as an empty object', () => {
      expect(toJsonObject(undefined, 'metadata', 'e1')).toEqual({});
      expect(toJsonObject(bytes(''), 'metadata', 'e1')).toEqual({});
    });

    it('parses a JSON object written as bytes', () => {
      expect(toJsonObject(bytes('{"amount":"0.01"}'), 'data', 'e1')).toEqual({ amount: '0.01' });
    });

    it('refuses what is not a JSON object, naming the event', () => {
      expect(() => toJsonObject(bytes('not json'), 'data', 'e1')).toThrow('event e1: data is not JSON');
      expect(() => toJsonObject(bytes('[1,2]'), 'data', 'e1')).toThrow('event e1: data is not a JSON object');
      expect(() => toJsonObject([1, 2], 'data', 'e1')).toThrow('event e1: data is not a JSON object');
      expect(() => toJsonObject('{"a":1', 'metadata', 'e2')).toThrow('event e2: metadata is not a JSON object');
      expect(() => toJsonObject(null, 'data', 'e1')).toThrow('event e1: data is not a JSON object');
    });
  });

  describe('a recorded event', () => {
    it('carries id, stream, type, revision, the given position and the server’s recording time as ISO', () => {
      expect(toRecordedEvent(esdbEvent(), 9_876n)).toEqual({
        id: '3f1c1a52-2a4e-4a8e-9a55-0d5a3f0c1e01',
        stream: 'award-a1',
        type: 'AwardMade',
        data: { amount: '200124.66' },
        metadata: { actor: { id: 'u1', role: 'finance-officer' } },
        revision: 4n,
        position: 9_876n,
        recordedAt: '2022-03-31T16:45:12.345Z',
      });
    });

    it('has empty metadata when none was written', () => {
      expect(toRecordedEvent(esdbEvent({ metadata: undefined }), 1n).metadata).toEqual({});
    });
  });
});
