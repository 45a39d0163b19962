export { EventStoreDbEventStore, type EventStoreDbClient } from './eventstoredb-event-store';
