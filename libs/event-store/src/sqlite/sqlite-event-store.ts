import { resolve } from 'node:path';
import Database from 'better-sqlite3';
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
import { EventStoreUnavailableError } from '../event-store.errors';
import { ensurePrivateFile } from '../files/private-file';
import { migrate } from './migrations';
import { GroupCommit } from './group-commit';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteMerkleTree } from './sqlite-merkle-tree';
import type { TreeHead } from '../merkle/tree-head';
import { closedStore, isBusy, toStoreFailure } from './sqlite-failure';
import { SqliteAllSubscription } from './sqlite-subscription';
import { SqliteSnapshots } from './sqlite-snapshots';
import { DEFAULT_SNAPSHOT_EVERY, type EventPlace, type SnapshotStore, type StreamSnapshot } from '../snapshots/snapshot-store.port';

export interface SqliteEventStoreOptions {
  /** A file path (its directory is created if missing) or ':memory:' for a private in-memory log. */
  readonly path: string;
  /** How long a writer waits for another connection's write lock before giving up. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** How often live subscriptions look for events written by other connections. Default 250. */
  readonly pollIntervalMs?: number;
  /** The clock that stamps recordedAt; injected so that tests and replays are reproducible. */
  readonly now?: () => Date;
  /** Caps the file at this many pages (SQLite's max_page_count): past it, appends fail as on a full disk. */
  readonly maxPages?: number;
  /** Keep a snapshot of a stream's folded state every this many events; 0 never. Default 500. */
  readonly snapshotEvery?: number;
}

/** Between attempts to open a file another process is setting up. */
const openRetryPauseMs = 20;
/** Opening is synchronous (better-sqlite3 is), so its retries pause the thread rather than the event loop. */
const pauseSynchronously = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** Rows per read: large logs stream through in pages instead of loading at once. */
const pageSize = 500;
/** SQLite's largest integer: "no upper bound" for a subscription's reads. */
const maxPosition = 9223372036854775807n;

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append that
 * has resolved survives a crash of the process or the machine. Several processes may share the file;
 * SQLite's write lock serialises their appends.
 */
export class SqliteEventStore implements EventStore, SnapshotStore {
  private readonly log: SqliteEventLog;
  private readonly snapshots: SqliteSnapshots;
  private readonly tree: SqliteMerkleTree;
  private readonly commits: GroupCommit;
  private readonly appendListeners = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteAllSubscription>();

  private constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly busyTimeoutMs: number,
    private readonly pollIntervalMs: number,
    private readonly now: () => Date,
    /** The schema version the file is at, as recorded in its schema_version table. */
    readonly schemaVersion: number,
    readonly snapshotEvery: number,
  ) {
    this.log = new SqliteEventLog(db);
    this.snapshots = new SqliteSnapshots(db);
    this.tree = new SqliteMerkleTree(db);
    this.commits = new GroupCommit(db, this.log, this.tree, (error, requests) =>
      toStoreFailure(error, {
        action: `appending to ${requests.length === 1 ? `stream ${requests[0]!.stream}` : `${requests.length} streams in one commit`}`,
        path,
        busyTimeoutMs,
      }),
    );
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    const now = options.now ?? (() => new Date());
    const inMemory = options.path === ':memory:';
    const path = inMemory ? options.path : resolve(options.path);
    const context = { action: 'opening', path, busyTimeoutMs };
    // Switching a new file to WAL can answer SQLITE_BUSY at once, without the busy handler, while another
    // process opens the same file: opening is retried until the busy timeout, as a write would wait.
    const giveUpAt = Date.now() + busyTimeoutMs;
    for (;;) {
      let db: Database.Database | undefined;
      try {
        if (!inMemory) ensurePrivateFile(path);
        db = new Database(path, { timeout: busyTimeoutMs });
        // WAL lets readers and subscriptions run while a writer commits; FULL syncs the WAL on every
        // commit, which is what makes an acknowledged append durable across a power cut.
        if (!inMemory) db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
        const schemaVersion = migrate(db, now);
        if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
        return new SqliteEventStore(db, path, busyTimeoutMs, options.pollIntervalMs ?? 250, now, schemaVersion, options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY);
      } catch (error) {
        db?.close();
        if (isBusy(error) && Date.now() < giveUpAt) {
          pauseSynchronously(openRetryPauseMs);
          continue;
        }
        // Whatever stops the file opening (a newer schema, a bad path, a lock) means no store to use.
        const failure = toStoreFailure(error, context);
        throw failure instanceof EventStoreUnavailableError
          ? failure
          : new EventStoreUnavailableError(`event store ${path} could not be opened: ${failure.message}`, failure);
      }
    }
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const action = `appending to stream ${stream}`;
    if (!this.db.open) throw closedStore({ action, path: this.path });
    const result = await this.commits.append({
      stream,
      events,
      expectedRevision: options.expectedRevision,
      recordedAt: this.now().toISOString(),
    });
    for (const listener of [...this.appendListeners]) listener();
    return result;
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return this.pages(`reading stream ${stream}`, options.fromRevision ?? 0n, (from) => {
      const page = this.log.streamPage(stream, from, pageSize);
      return { page, next: (page[page.length - 1]?.revision ?? from) + 1n };
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let to: bigint | undefined = options.toPosition;
    return this.pages('reading the log', options.fromPosition ?? 0n, (from) => {
      to ??= this.log.head();
      const page = this.log.allPage(from, to, pageSize);
      return { page, next: (page[page.length - 1]?.position ?? from) + 1n };
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new SqliteAllSubscription(
      {
        readAfter: (checkpoint, limit) =>
          this.run('reading the log for a subscription', () => this.log.allPage(checkpoint + 1n, maxPosition, limit)),
        onAppend: (listener) => {
          this.appendListeners.add(listener);
          return () => this.appendListeners.delete(listener);
        },
      },
      {
        checkpoint: options.fromPosition ?? -1n,
        pageSize,
        pollIntervalMs: this.pollIntervalMs,
        onStop: (stopped) => this.subscriptions.delete(stopped),
      },
    );
    if (this.db.open) this.subscriptions.add(subscription);
    else void subscription.stop();
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    return this.run('reading the head position', () => this.log.head());
  }

  async treeHeadAt(position?: bigint): Promise<TreeHead> {
    return this.run('reading the Merkle tree head', () => this.tree.headAt(position));
  }

  async keepCheckpoint(lastPosition: bigint, checkpoint: JsonObject): Promise<void> {
    this.run('keeping a checkpoint', () =>
      this.db.prepare('INSERT OR IGNORE INTO kept_checkpoints (last_position, checkpoint) VALUES (?, ?)').run(lastPosition, JSON.stringify(checkpoint)),
    );
  }

  async keptCheckpoint(lastPosition: bigint): Promise<JsonObject | undefined> {
    const text = this.run('reading a kept checkpoint', () =>
      this.db.prepare<[bigint], string>('SELECT checkpoint FROM kept_checkpoints WHERE last_position = ?').pluck().get(lastPosition),
    );
    return text === undefined ? undefined : (JSON.parse(text) as JsonObject);
  }

  async readSnapshot(stream: string, fold: string): Promise<StreamSnapshot | undefined> {
    return this.run(`reading the snapshot of stream ${stream}`, () => this.snapshots.read(stream, fold));
  }

  async keepSnapshot(snapshot: StreamSnapshot): Promise<void> {
    // Its own short transaction, outside any group commit: group commits never span an await.
    this.run(`keeping a snapshot of stream ${snapshot.stream}`, () => this.snapshots.keep(snapshot));
  }

  async placeOfEvent(id: string): Promise<EventPlace | undefined> {
    const place = this.run('looking up an event by id', () => this.log.placeOf(id));
    return place === undefined ? undefined : { stream: place.stream, revision: place.revision };
  }

  async ping(): Promise<void> {
    this.run('answering a ping', () => this.db.prepare('SELECT 1').get());
  }

  /** Stops every subscription, then closes the file; safe to call more than once. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.db.open) this.db.close();
  }

  /** Runs one synchronous piece of database work, turning failures into the port's errors. */
  private run<T>(action: string, work: () => T): T {
    const context = { action, path: this.path, busyTimeoutMs: this.busyTimeoutMs };
    if (!this.db.open) throw closedStore(context);
    try {
      return work();
    } catch (error) {
      throw toStoreFailure(error, context);
    }
  }

  /**
   * A lazy, paged read: nothing is read until iteration starts, and each page is its own short
   * statement, so a consumer that pauses between events never holds the database.
   */
  private async *pages(
    action: string,
    start: bigint,
    readPage: (from: bigint) => { page: RecordedEvent[]; next: bigint },
  ): AsyncGenerator<RecordedEvent> {
    let from = start;
    for (;;) {
      const { page, next } = this.run(action, () => readPage(from));
      yield* page;
      if (page.length < pageSize) return;
      from = next;
    }
  }
}
