import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadBenchPackage } from '../bench-packages';

/**
 * The peer: Emmett's SQLite event store and its CommandHandler, from bench/'s own package.json so that
 * the service's install never carries them. Typed here by the little the bench calls, so the service
 * compiles on a clone where bench/'s dependencies were never installed.
 */

export interface EmmettEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: { readonly globalPosition?: bigint; readonly recordedAt?: unknown };
}

export interface EmmettConnection {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): void;
}

export interface EmmettEventStore {
  appendToStream(stream: string, events: EmmettEvent[], options?: { expectedStreamVersion?: bigint }): Promise<{ nextExpectedStreamVersion: bigint }>;
  aggregateStream<State>(
    stream: string,
    options: { evolve: (state: State, event: EmmettEvent) => State; initialState: () => State },
  ): Promise<{ state: State; currentStreamVersion: bigint }>;
}

type CommandHandle = <State>(options: {
  evolve: (state: State, event: EmmettEvent) => State;
  initialState: () => State;
  retry?: { onVersionConflict: true };
}) => (store: EmmettEventStore, id: string, handle: (state: State) => EmmettEvent[]) => Promise<unknown>;

export interface Emmett {
  readonly version: string;
  /** Emmett's store on one file, as its README sets it up: node-sqlite3 in WAL mode, a connection opened and closed per call (so nothing to close). */
  openStore(path: string): EmmettEventStore;
  /** One connection of the peer's own driver, for reading the log in order (Emmett's own batch reader runs on one). */
  connect(path: string): EmmettConnection;
  readMessagesBatch(connection: EmmettConnection, options: { after: bigint; batchSize: number }): Promise<{ messages: EmmettEvent[]; currentGlobalPosition: bigint }>;
  readonly CommandHandler: CommandHandle;
}

/** Emmett, or why it cannot be loaded: bench/'s dependencies are installed by `npm run bench`, not by the service's install. */
export const loadEmmett = (): Emmett | { readonly missing: string } =>
  loadBenchPackage('Emmett', (require) => {
    const sqlite = require('@event-driven-io/emmett-sqlite');
    const core = require('@event-driven-io/emmett');
    // Its package.json is not among its exports: read from beside its entry point (dist/index.cjs).
    const entry = require.resolve('@event-driven-io/emmett-sqlite');
    const version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
    return {
      version,
      openStore: (path) => sqlite.getSQLiteEventStore({ fileName: path, schema: { autoMigration: 'CreateOrUpdate' } }),
      connect: (path) => sqlite.sqliteConnection({ fileName: path }),
      readMessagesBatch: sqlite.readMessagesBatch,
      CommandHandler: core.CommandHandler,
    };
  });

/**
 * Runs the peer with its own noise contained, and returns what escaped it: Emmett logs every failed
 * transaction with console.log (under 64 in flight that would bury the table), and each new connection
 * sets WAL with a statement nobody listens to, whose failure ("cannot change into wal mode from within
 * a transaction", when another connection holds one) is an unhandled 'error' event that would end the
 * process. Those are counted by message, as the peer's failures, instead.
 */
export const containEmmett = async <T>(work: () => Promise<T>): Promise<{ result: T; stray: Map<string, number> }> => {
  const stray = new Map<string, number>();
  const count = (error: unknown): void => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    stray.set(message, (stray.get(message) ?? 0) + 1);
  };
  const log = console.log;
  console.log = () => undefined;
  process.on('uncaughtException', count);
  try {
    return { result: await work(), stray };
  } finally {
    process.off('uncaughtException', count);
    console.log = log;
  }
};
