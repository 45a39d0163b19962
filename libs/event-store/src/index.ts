export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.config';
export * from './event-store.module';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
// The EventStoreDB adapter is loaded on demand by EventStoreModule (its gRPC client costs ~120 ms to load).
export * from './chain/canonical-json';
export * from './chain/event-chain';
export * from './command-handling/command-envelope';
export * from './command-handling/command-handling.errors';
export * from './command-handling/handle-command';
export * from './command-handling/decide-in-sequence';
export * from './command-handling/decided-state.cache';
export { loadStreamState } from './command-handling/stream-state';
export * from './snapshots/snapshot-store.port';
export * from './log-cut';
export * from './files/private-file';
export * from './merkle';
export * from './migration';
