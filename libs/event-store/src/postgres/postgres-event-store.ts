import { Client, Pool, type PoolClient } from 'pg';
import { redactConnectionString } from '../event-store.config';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { ClientSideLogTree } from '../merkle/log-tree';
import type { TreeHead } from '../merkle/tree-head';
import { SqliteAllSubscription } from '../sqlite/sqlite-subscription';
import { appendInPostgresTransaction } from './postgres-append';
import { APPENDED_CHANNEL, migratePostgres } from './postgres-migrations';
import { DEFAULT_SNAPSHOT_EVERY, type EventPlace, type SnapshotStore, type StreamSnapshot } from '../snapshots/snapshot-store.port';

export interface PostgresEventStoreOptions {
  /** postgres:// or postgresql:// URL; a unix socket directory goes in `?host=`. */
  readonly connectionString: string;
  /** Connections this instance may hold at once. Default 10. */
  readonly poolSize?: number;
  /** How often live subscriptions look for events when no notification has arrived. Default 250. */
  readonly pollIntervalMs?: number;
  readonly now?: () => Date;
  /** Test seam: runs inside every append's transaction just before COMMIT. */
  readonly beforeCommit?: () => Promise<void>;
  /** Keep a snapshot of a stream's folded state every this many events; 0 never. Default 500. */
  readonly snapshotEvery?: number;
}

/** Rows per read, as in the SQLite store. */
const pageSize = 500;

interface EventRow {
  readonly position: string;
  readonly id: string;
  readonly stream: string;
  readonly revision: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recorded_at: string;
}

const columns = 'position, id, stream, revision, type, data, metadata, recorded_at';

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  revision: BigInt(row.revision),
  position: BigInt(row.position),
  recordedAt: row.recorded_at,
});

/**
 * The event store on PostgreSQL, for several service instances sharing one log. Same semantics as the
 * SQLite store under the same contract suite; positions are dense from 1 and commit in order (see
 * postgres-append.ts). Subscriptions poll, and are woken at once by the NOTIFY every append sends at
 * commit, whichever instance wrote.
 */
export class PostgresEventStore implements EventStore, SnapshotStore {
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteAllSubscription>();
  private readonly tree = new ClientSideLogTree((options) => this.readAll(options));
  private listener: Client | undefined;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
    private readonly now: () => Date,
    /** The schema version the database is at. */
    readonly schemaVersion: number,
  ) {
    this.snapshotEvery = options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
  }

  readonly snapshotEvery: number;

  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    // An idle connection the server drops must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const now = options.now ?? (() => new Date());
    try {
      const client = await pool.connect();
      try {
        const schemaVersion = await migratePostgres(client, now);
        return new PostgresEventStore(pool, options, now, schemaVersion);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new EventStoreUnavailableError(
        `event store ${redactConnectionString(options.connectionString)} could not be opened: ${messageOf(error)}`,
        error,
      );
    }
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.withClient(`appending to stream ${stream}`, (client) =>
      appendInPostgresTransaction(client, {
        stream,
        events,
        expectedRevision: options.expectedRevision,
        recordedAt: this.now().toISOString(),
        ...(this.options.beforeCommit === undefined ? {} : { beforeCommit: this.options.beforeCommit }),
      }),
    );
    for (const listener of [...this.appendListeners]) listener();
    return result;
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return this.pages(options.fromRevision ?? 0n, async (from) => {
      const page = await this.query(
        `reading stream ${stream}`,
        `SELECT ${columns} FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
        [stream, from.toString(), pageSize],
      );
      return { page, next: (page[page.length - 1]?.revision ?? from) + 1n };
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let to: bigint | undefined = options.toPosition;
    return this.pages(options.fromPosition ?? 0n, async (from) => {
      to ??= await this.headPosition();
      const page = await this.readBetween(from, to, pageSize);
      return { page, next: (page[page.length - 1]?.position ?? from) + 1n };
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new SqliteAllSubscription(
      {
        readAfter: (checkpoint, limit) => this.readBetween(checkpoint + 1n, undefined, limit),
        onAppend: (listener) => {
          this.appendListeners.add(listener);
          return () => this.appendListeners.delete(listener);
        },
      },
      {
        checkpoint: options.fromPosition ?? -1n,
        pageSize,
        pollIntervalMs: this.options.pollIntervalMs ?? 250,
        onStop: (stopped) => this.subscriptions.delete(stopped),
      },
    );
    if (this.closed) {
      void subscription.stop();
    } else {
      this.subscriptions.add(subscription);
      this.listenForOtherInstances();
    }
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const rows = await this.withClient('reading the head position', (client) =>
      client.query<{ head: string | null }>('SELECT MAX(position) AS head FROM events'),
    );
    const head = rows.rows[0]?.head;
    return head === null || head === undefined ? -1n : BigInt(head);
  }

  /**
   * The Merkle tree is folded on the client from the log (ClientSideLogTree), as for EventStoreDB:
   * positions are dense and commit in order here, so every instance folds the same leaves.
   */
  treeHeadAt(position?: bigint): Promise<TreeHead> {
    return this.tree.headAt(position);
  }

  async keepCheckpoint(lastPosition: bigint, checkpoint: JsonObject): Promise<void> {
    await this.withClient('keeping a checkpoint', (client) =>
      client.query('INSERT INTO kept_checkpoints (last_position, checkpoint) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        lastPosition.toString(),
        JSON.stringify(checkpoint),
      ]),
    );
  }

  async keptCheckpoint(lastPosition: bigint): Promise<JsonObject | undefined> {
    const { rows } = await this.withClient('reading a kept checkpoint', (client) =>
      client.query<{ checkpoint: JsonObject }>('SELECT checkpoint FROM kept_checkpoints WHERE last_position = $1', [lastPosition.toString()]),
    );
    return rows[0]?.checkpoint;
  }

  async readSnapshot(stream: string, fold: string): Promise<StreamSnapshot | undefined> {
    const { rows } = await this.withClient(`reading the snapshot of stream ${stream}`, (client) =>
      client.query<{ revision: string; event_id: string; version: number; state: string }>(
        'SELECT revision, event_id, version, state FROM snapshots WHERE stream = $1 AND fold = $2',
        [stream, fold],
      ),
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return { stream, fold, revision: BigInt(row.revision), eventId: row.event_id, version: row.version, state: JSON.parse(row.state) };
  }

  async keepSnapshot(snapshot: StreamSnapshot): Promise<void> {
    const { stream, fold, revision, eventId, version, state } = snapshot;
    await this.withClient(`keeping a snapshot of stream ${stream}`, (client) =>
      client.query(
        `INSERT INTO snapshots (stream, fold, revision, event_id, version, state) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (stream, fold) DO UPDATE SET
           revision = excluded.revision, event_id = excluded.event_id, version = excluded.version, state = excluded.state`,
        [stream, fold, revision.toString(), eventId, version, JSON.stringify(state)],
      ),
    );
  }

  async placeOfEvent(id: string): Promise<EventPlace | undefined> {
    const { rows } = await this.withClient('looking up an event by id', (client) =>
      client.query<{ stream: string; revision: string }>('SELECT stream, revision FROM events WHERE id = $1', [id]),
    );
    const row = rows[0];
    return row === undefined ? undefined : { stream: row.stream, revision: BigInt(row.revision) };
  }

  async ping(): Promise<void> {
    await this.withClient('answering a ping', (client) => client.query('SELECT 1'));
  }

  /** Stops every subscription, then ends the pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  private readBetween(from: bigint, to: bigint | undefined, limit: number): Promise<RecordedEvent[]> {
    return this.query(
      'reading the log',
      `SELECT ${columns} FROM events WHERE position >= $1 AND ($2::bigint IS NULL OR position <= $2) ORDER BY position LIMIT $3`,
      [from.toString(), to?.toString() ?? null, limit],
    );
  }

  private async query(action: string, sql: string, values: unknown[]): Promise<RecordedEvent[]> {
    const result = await this.withClient(action, (client) => client.query<EventRow>(sql, values));
    return result.rows.map(toRecorded);
  }

  /**
   * One LISTEN connection per store, opened with its first subscription: an append by any instance
   * wakes this instance's subscriptions at commit. Should it fail, the poll still finds every event,
   * only later, so a lost listener is not an error anyone must handle.
   */
  private listenForOtherInstances(): void {
    if (this.listener !== undefined) return;
    const listener = new Client({ connectionString: this.options.connectionString });
    this.listener = listener;
    listener.on('error', () => undefined);
    listener.on('notification', () => {
      for (const wake of [...this.appendListeners]) wake();
    });
    listener
      .connect()
      .then(() => listener.query(`LISTEN ${APPENDED_CHANNEL}`))
      .catch(() => undefined);
  }

  /** Runs work on a pooled connection, turning failures other than the port's own into EventStoreUnavailableError. */
  private async withClient<T>(action: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new EventStoreUnavailableError(`event store is closed: cannot go on ${action}`);
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new EventStoreUnavailableError(`event store could not be reached while ${action}: ${messageOf(error)}`, error);
    }
    try {
      return await work(client);
    } catch (error) {
      if (isPortError(error)) throw error;
      throw new EventStoreUnavailableError(`event store failed while ${action}: ${messageOf(error)}`, error);
    } finally {
      client.release();
    }
  }

  /** A lazy, paged read, as in the SQLite store: each page is its own short query. */
  private async *pages(
    start: bigint,
    readPage: (from: bigint) => Promise<{ page: RecordedEvent[]; next: bigint }>,
  ): AsyncGenerator<RecordedEvent> {
    let from = start;
    for (;;) {
      const { page, next } = await readPage(from);
      yield* page;
      if (page.length < pageSize) return;
      from = next;
    }
  }
}

const isPortError = (error: unknown): boolean =>
  error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError || error instanceof RangeError;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
