import { ukDateOf, type IsoDate } from '@fundledger/calendar';
import type { EventStore } from '@fundledger/event-store';
import type { LedgerProjection } from './ledger-projection';
import { foldLedgerAt, type LedgerSnapshot, type ReadScope } from './ledger-snapshot';
import { AsAtNotRecordedError } from './read-model.errors';
import type { ReadPoint } from './read-point';

/** Injection token for the LedgerReader: `@Inject(LEDGER_READER) reader: LedgerReader`. */
export const LEDGER_READER = Symbol('LEDGER_READER');

export interface LedgerReader {
  /** Current read model (persisted rows), optionally waiting (bounded) until it has reached minPosition. */
  current(options?: { minPosition?: bigint }): Promise<LedgerSnapshot>;
  /**
   * Folded from the log at a read point: as known at a position or a recorded time, as of a business
   * date; with a scope, only that award's and its programme's streams are read.
   */
  at(point: ReadPoint, scope?: ReadScope): Promise<LedgerSnapshot>;
  /** The UK date on the reader's clock: no as-of date may be after it. */
  today(): IsoDate;
}

export interface ReaderOptions {
  /** How long current({ minPosition }) waits for the projection; 5 s by default. */
  readonly waitTimeoutMs?: number;
  /** The clock an as-at time is checked against (a time still to come is refused). */
  readonly now?: () => Date;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 5000;

/** The service's reader: current answers from the projection's views, as-at answers from the log. */
export class ProjectedLedgerReader implements LedgerReader {
  private readonly waitTimeoutMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly store: EventStore,
    private readonly projection: LedgerProjection,
    options: ReaderOptions = {},
  ) {
    this.waitTimeoutMs = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
  }

  async current(options: { minPosition?: bigint } = {}): Promise<LedgerSnapshot> {
    if (options.minPosition !== undefined) await this.projection.waitFor(options.minPosition, this.waitTimeoutMs);
    return this.projection.snapshot();
  }

  at(point: ReadPoint, scope?: ReadScope): Promise<LedgerSnapshot> {
    return foldLedgerAt(this.store, point, this.now, scope);
  }

  today(): IsoDate {
    return ukDateOf(this.now());
  }
}

/**
 * A reader with no persisted state, for the CLI: "current" is the log folded to its head, so a report
 * never needs the service running nor its read-model file.
 */
export class LogLedgerReader implements LedgerReader {
  constructor(
    private readonly store: EventStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async current(options: { minPosition?: bigint } = {}): Promise<LedgerSnapshot> {
    const head = await this.store.headPosition();
    if (options.minPosition !== undefined && options.minPosition > head) {
      throw new AsAtNotRecordedError(`position ${options.minPosition} is beyond the log's last position ${head}`);
    }
    return foldLedgerAt(this.store, { knownAt: { position: head } }, this.now);
  }

  at(point: ReadPoint, scope?: ReadScope): Promise<LedgerSnapshot> {
    return foldLedgerAt(this.store, point, this.now, scope);
  }

  today(): IsoDate {
    return ukDateOf(this.now());
  }
}
