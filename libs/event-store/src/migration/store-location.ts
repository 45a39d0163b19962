import { existsSync } from 'node:fs';
import { redactConnectionString } from '../event-store.config';
import type { EventStore } from '../event-store.port';
import { MigrationError } from './migration.errors';

/** Where a log lives, as `migrate --from/--to` names it: a URL for a server, otherwise a SQLite file. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export const parseStoreLocation = (text: string): StoreLocation => {
  if (/^postgres(ql)?:\/\//.test(text)) return { kind: 'postgres', connectionString: text };
  if (/^esdb(\+discover)?:\/\//.test(text)) return { kind: 'eventstoredb', connectionString: text };
  return { kind: 'sqlite', path: text };
};

export const describeLocation = (location: StoreLocation): string =>
  location.kind === 'sqlite' ? `SQLite ${location.path}` : `${location.kind} ${redactConnectionString(location.connectionString)}`;

/**
 * Opens one end of a migration. The target's clock is the migration's: each append is stamped with
 * the recording instant the source gave the event, so "as known at" answers survive the move.
 * EventStoreDB stamps its own instants and cannot take that clock.
 */
export const openForMigration = async (
  location: StoreLocation,
  role: 'source' | 'target',
  now: () => Date,
): Promise<EventStore> => {
  switch (location.kind) {
    case 'sqlite': {
      // Opening a missing file would create an empty log and "migrate" nothing, silently.
      if (role === 'source' && !existsSync(location.path)) {
        throw new MigrationError('SOURCE_MISSING', `no SQLite file at ${location.path}`);
      }
      const { SqliteEventStore } = await import('../sqlite/sqlite-event-store');
      return SqliteEventStore.open({ path: location.path, now });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('../postgres/postgres-event-store');
      return PostgresEventStore.connect({ connectionString: location.connectionString, now });
    }
    case 'eventstoredb': {
      const { EventStoreDbEventStore } = await import('../eventstoredb/eventstoredb-event-store');
      return EventStoreDbEventStore.connect(location.connectionString);
    }
  }
};
