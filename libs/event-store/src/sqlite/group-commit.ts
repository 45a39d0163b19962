import type { Database, Statement } from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import type { AppendResult } from '../event-store.port';
import { checkAndWrite, prepareAppend, rollBack, type AppendRequest, type PreparedAppend } from './sqlite-append';
import type { SqliteEventLog } from './sqlite-event-log';
import type { AppendTreeKeeper } from './sqlite-merkle-tree';

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** A refusal of one append (stale revision, reused id): its own answer, never the others'. */
const isRefusal = (error: unknown): boolean => error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;

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
  /** Prepared once: `exec` would parse each of these again on every commit, the hottest path there is. */
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', Statement>;

  constructor(
    private readonly db: Database,
    private readonly log: SqliteEventLog,
    /** Each append grows the log's Merkle tree from the head the one before it left, in the same transaction. */
    private readonly tree: AppendTreeKeeper,
    /** Turns a storage failure into the port's error; domain refusals pass through. */
    private readonly failure: (error: unknown, requests: readonly AppendRequest[]) => unknown,
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT one_append'),
      release: db.prepare('RELEASE one_append'),
      undo: db.prepare('ROLLBACK TO one_append'),
    };
  }

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
    const outcomes: Outcome[] = [];
    try {
      this.sql.begin.run();
      // Alone in its transaction, an append needs no savepoint: a refusal rolls back the whole of it.
      if (batch.length === 1) outcomes.push(this.alone(batch[0]!.prepared));
      else for (const { prepared } of batch) outcomes.push(this.oneOf(prepared));
      // A lone refused append leaves nothing to keep; anything else is committed, or fails as a whole.
      if (batch.length === 1 && !outcomes[0]!.ok) this.sql.rollback.run();
      else this.sql.commit.run();
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
  private oneOf(prepared: PreparedAppend): Outcome {
    this.sql.savepoint.run();
    try {
      const result = checkAndWrite(this.log, this.tree, prepared);
      this.sql.release.run();
      return { ok: true, result };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      this.sql.undo.run();
      this.sql.release.run();
      return { ok: false, error };
    }
  }

  /** The only append of its transaction: on a refusal the caller rolls the whole transaction back. */
  private alone(prepared: PreparedAppend): Outcome {
    try {
      return { ok: true, result: checkAndWrite(this.log, this.tree, prepared) };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return { ok: false, error };
    }
  }
}
