import type { Database } from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult } from '../event-store.port';
import { checkAndWrite, prepareAppend, rollBack, type AppendRequest, type PreparedAppend } from './sqlite-append';
import type { SqliteEventLog } from './sqlite-event-log';
import type { AppendTreeKeeper } from './sqlite-merkle-tree';

interface Waiting {
  readonly prepared: PreparedAppend;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: appends that arrive in the same turn of the event loop share one transaction and so
 * one fsync. Each runs inside its own savepoint with its own revision check, so a stale or repeated
 * append is rolled back and refused alone while the others go on. Nothing is acknowledged before the
 * shared COMMIT has returned, i.e. is durable (WAL, synchronous=FULL); if the commit itself fails, every
 * append in it is refused and none is in the log.
 */
export class GroupCommit {
  private waiting: Waiting[] = [];

  constructor(
    private readonly db: Database,
    private readonly log: SqliteEventLog,
    /** Each append grows the log's Merkle tree from the head the one before it left, in the same transaction. */
    private readonly tree: AppendTreeKeeper,
    /** Turns a storage failure into the port's error; domain refusals pass through. */
    private readonly failure: (error: unknown, requests: readonly AppendRequest[]) => unknown,
  ) {}

  append(request: AppendRequest): Promise<AppendResult> {
    const prepared = prepareAppend(request, this.tree);
    return new Promise((resolve, reject) => {
      this.waiting.push({ prepared, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    const outcomes: Array<{ ok: true; result: AppendResult } | { ok: false; error: unknown }> = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const { prepared } of batch) outcomes.push(this.oneOf(prepared));
      this.db.exec('COMMIT');
    } catch (error) {
      rollBack(this.db);
      const failed = this.failure(error, batch.map((w) => w.prepared.request));
      for (const waiting of batch) waiting.reject(failed);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }

  /** One append in its savepoint: a refusal undoes only its own rows; a storage failure fails the batch. */
  private oneOf(prepared: PreparedAppend): { ok: true; result: AppendResult } | { ok: false; error: unknown } {
    this.db.exec('SAVEPOINT one_append');
    try {
      const result = checkAndWrite(this.log, this.tree, prepared);
      this.db.exec('RELEASE one_append');
      return { ok: true, result };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
      this.db.exec('ROLLBACK TO one_append');
      this.db.exec('RELEASE one_append');
      return { ok: false, error };
    }
  }
}
