import type { AllSubscription, EventStore, RecordedEvent } from '@fundledger/event-store';
import { emptyLedgerView, type LedgerView } from '../ledger';
import { LedgerBatch } from './ledger-batch';
import { catchUpLedgerReadModel, LEDGER_CHECKPOINT } from './ledger-rebuild';
import { ledgerViewOfRows } from './ledger-rows';
import { REPORT_PROJECTIONS } from './projections';
import type { ReportProjection } from './projections/report-projection';
import { ledgerSnapshot, type LedgerSnapshot } from './ledger-snapshot';
import { ReadModelBehindError, ReadModelStoppedError } from './read-model.errors';
import type { Checkpoint, ReadModelStore } from './read-model.store';

/** Where the runner reports what an operator must know; Nest's Logger fits. */
export interface ProjectionLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LedgerProjectionOptions {
  /** Events written in one transaction at most, so that catching up on a long log commits as it goes. */
  readonly maxBatch?: number;
  readonly log?: ProjectionLog;
  /** The report projections kept beside the views; every one by default. */
  readonly projections?: readonly ReportProjection[];
}

/** Why the runner stopped: it stops at an event it cannot apply rather than skip it. */
export interface ProjectionFailure {
  /** The last event applied and committed before the stop. */
  readonly position: bigint;
  readonly reason: string;
}

export interface ProjectionStatus {
  readonly position: bigint;
  readonly running: boolean;
  readonly failure?: ProjectionFailure;
}

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const silent: ProjectionLog = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Follows the log and keeps the persisted ledger views current: each batch of events that arrive
 * together updates the rows it touched and the checkpoint in one transaction, so after a restart the
 * runner continues from exactly the event after the last one applied. The views also stay in memory,
 * as the immutable LedgerView of the last commit, which is what `snapshot()` hands out.
 */
export class LedgerProjection {
  private view: LedgerView = emptyLedgerView;
  private checkpoint: Checkpoint | undefined;
  private checkpointRecordedAt: string | undefined;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private stopping = false;
  private failure: ProjectionFailure | undefined;
  private pending: RecordedEvent[] = [];
  private flushScheduled: NodeJS.Immediate | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly maxBatch: number;
  private readonly log: ProjectionLog;
  private readonly projections: readonly ReportProjection[];

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    options: LedgerProjectionOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.log = options.log ?? silent;
    this.projections = options.projections ?? REPORT_PROJECTIONS;
  }

  /** The last event applied and committed; -1n before the first. */
  get position(): bigint {
    return this.checkpoint?.position ?? -1n;
  }

  status(): ProjectionStatus {
    const running = this.following !== undefined && this.failure === undefined && !this.stopping;
    return { position: this.position, running, ...(this.failure === undefined ? {} : { failure: this.failure }) };
  }

  /**
   * Loads the persisted views, then catches up on the log written since their checkpoint and follows
   * it. Resolves once loaded: the catch-up runs on, yielding between batches, while requests are served.
   */
  async start(): Promise<void> {
    if (this.following !== undefined) return;
    await this.loadPersisted();
    this.following = this.follow();
    this.log.log(`following the log from position ${this.position} into ${this.readModels.path}`);
  }

  /** Stops following after committing what already arrived; later waits are refused. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    await this.following;
    this.rejectWaiters(() => new ReadModelStoppedError(this.position, 'the service is shutting down'));
  }

  /** The views as of the last commit. Refused once the runner has stopped on an event it could not apply. */
  snapshot(): LedgerSnapshot {
    if (this.failure !== undefined) throw new ReadModelStoppedError(this.position, this.failure.reason);
    return ledgerSnapshot(this.view, this.position, this.checkpointRecordedAt);
  }

  /**
   * The report rows as of the last commit, with the position and time they answer at. Rows and
   * checkpoint are written in one synchronous transaction on this thread, so a read made before the
   * next await sees rows of exactly this position.
   */
  rows(): { readonly rows: ReadModelStore; readonly position: bigint; readonly recordedAt?: string } {
    if (this.failure !== undefined) throw new ReadModelStoppedError(this.position, this.failure.reason);
    return { rows: this.readModels, position: this.position, ...(this.checkpointRecordedAt === undefined ? {} : { recordedAt: this.checkpointRecordedAt }) };
  }

  /** Resolves once the views have reached `position`; rejects after `timeoutMs` or if the runner stops. */
  waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(new ReadModelStoppedError(this.position, this.failure.reason));
    if (this.position >= position) return Promise.resolve();
    if (this.stopping) return Promise.reject(new ReadModelStoppedError(this.position, 'the service is shutting down'));
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new ReadModelBehindError(this.position, position, timeoutMs));
      }, timeoutMs);
      const waiter: Waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /**
   * A checkpoint must name an event this log holds: a file built from another log (a replaced store, a
   * FUNDLEDGER_READ_DB shared by mistake), or written in a view format this build cannot read, is
   * emptied and the views folded again from the start.
   */
  private async loadPersisted(): Promise<void> {
    const checkpoint = this.readModels.checkpoint(LEDGER_CHECKPOINT);
    // Rows without a checkpoint are a catch-up or rebuild that never finished: fold again.
    if (checkpoint === undefined) return this.readModels.clear();
    let atCheckpoint: RecordedEvent | undefined;
    for await (const event of this.store.readAll({ fromPosition: checkpoint.position, toPosition: checkpoint.position })) {
      atCheckpoint = event;
    }
    if (atCheckpoint?.id !== checkpoint.eventId || atCheckpoint.position !== checkpoint.position) {
      this.log.warn(
        `the read model's checkpoint (position ${checkpoint.position}, event ${checkpoint.eventId}) is not in this log; ` +
          'rebuilding it from the start',
      );
      this.readModels.clear();
      return;
    }
    try {
      this.view = ledgerViewOfRows(this.readModels.rows());
    } catch (error) {
      this.log.warn(`the read model's rows cannot be read (${messageOf(error)}); rebuilding it from the start`);
      this.readModels.clear();
      return;
    }
    this.checkpoint = checkpoint;
    this.checkpointRecordedAt = atCheckpoint.recordedAt;
  }

  private async follow(): Promise<void> {
    try {
      await this.catchUp();
    } catch (error) {
      this.fail(`catching up on the log failed: ${messageOf(error)}`);
    }
    if (this.failure !== undefined || this.stopping) return;
    const subscription = this.store.subscribeToAll(this.checkpoint === undefined ? {} : { fromPosition: this.checkpoint.position });
    this.subscription = subscription;
    try {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= this.maxBatch) {
          this.flush();
          // Catching up on a long log yields between batches, so requests are served meanwhile.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          this.flushSoon();
        }
        if (this.failure !== undefined) return;
      }
      this.flush();
      if (!this.stopping) this.fail('the event store ended the subscription (was the store closed?)');
    } catch (error) {
      this.flush();
      this.fail(`reading the log failed: ${messageOf(error)}`);
    }
  }

  /**
   * The log written while the service was down (or all of it, for a new file) is folded whole and each
   * award and programme it touched written once, not once per batch: an award's rows cost a
   * reconciliation, and a backlog interleaves many awards.
   */
  private async catchUp(): Promise<void> {
    const head = await this.store.headPosition();
    if (head <= this.position) return;
    const caught = await catchUpLedgerReadModel(this.store, this.readModels, { view: this.view, position: this.position }, head, {
      batchSize: this.maxBatch,
      yieldBetweenBatches: true,
      projections: this.projections,
      stopRequested: () => this.stopping,
    });
    if (caught.last !== undefined) this.committed(caught.view, caught.last);
    if (caught.refused !== undefined) this.fail(caught.refused);
  }

  /** Events delivered in the same turn of the event loop are committed together. */
  private flushSoon(): void {
    this.flushScheduled ??= setImmediate(() => {
      this.flushScheduled = undefined;
      this.flush();
    });
  }

  private flush(): void {
    if (this.flushScheduled !== undefined) clearImmediate(this.flushScheduled);
    this.flushScheduled = undefined;
    const events = this.pending;
    this.pending = [];
    if (events.length === 0 || this.failure !== undefined) return;

    const batch = new LedgerBatch(this.view, this.projections);
    let refused: string | undefined;
    for (const event of events) {
      try {
        batch.apply(event);
      } catch (error) {
        refused = `could not apply ${event.type} at position ${event.position} (stream ${event.stream}): ${messageOf(error)}`;
        break;
      }
    }
    // The events before a refused one are committed, so the checkpoint names the last good event.
    if (batch.last !== undefined) this.commit(batch);
    if (refused !== undefined) this.fail(refused);
  }

  private commit(batch: LedgerBatch): void {
    const applied = batch.last as RecordedEvent;
    const checkpoint = { position: applied.position, eventId: applied.id };
    try {
      const { views, reports } = batch.rows();
      this.readModels.commit(LEDGER_CHECKPOINT, views, checkpoint, reports);
    } catch (error) {
      this.fail(`could not write the read model at position ${applied.position}: ${messageOf(error)}`);
      return;
    }
    this.committed(batch.view(), applied);
  }

  /** The views and rows of `applied` are written: answers and waiters move to it. */
  private committed(view: LedgerView, applied: RecordedEvent): void {
    const checkpoint = { position: applied.position, eventId: applied.id };
    this.view = view;
    this.checkpoint = checkpoint;
    this.checkpointRecordedAt = applied.recordedAt;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= checkpoint.position) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Logged once with the position, then the subscription stops: an event is never skipped silently. */
  private fail(reason: string): void {
    if (this.failure !== undefined) return;
    this.failure = { position: this.position, reason };
    this.log.error(`the ledger read model stopped at position ${this.position}: ${reason}`);
    void this.subscription?.stop();
    this.rejectWaiters(() => new ReadModelStoppedError(this.position, reason));
  }

  private rejectWaiters(error: () => Error): void {
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.reject(error());
    }
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
