/**
 * The trigger that makes recorded events immutable at the storage level: a recorded figure is never
 * edited. Its own module because migration 1 creates it and migration 2 re-creates it.
 */
export const EVENTS_ARE_NEVER_UPDATED = `CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable: append a correcting event instead'); END;`;
