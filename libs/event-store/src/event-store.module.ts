import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStoreConfig, describeStoreLocation } from './event-store.config';
import type { EventStore } from './event-store.port';

/** Injection token for the EventStore port: `@Inject(EVENT_STORE) store: EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Injection token for the EventStoreConfig the store was opened with. */
export const EVENT_STORE_CONFIG = Symbol('EVENT_STORE_CONFIG');

/**
 * Opens the adapter the configuration names; the caller owns the store and must close it. Each adapter
 * is loaded only when chosen, so the CLI does not pay for gRPC on SQLite nor the native SQLite binding
 * on EventStoreDB.
 */
export const openEventStore = async (config: EventStoreConfig): Promise<EventStore> => {
  switch (config.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('./sqlite');
      return SqliteEventStore.open({
        path: config.path,
        busyTimeoutMs: config.busyTimeoutMs,
        ...(config.snapshotEvery === undefined ? {} : { snapshotEvery: config.snapshotEvery }),
      });
    }
    case 'eventstoredb': {
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store');
      return EventStoreDbEventStore.connect(config.connectionString);
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store');
      return PostgresEventStore.connect({
        connectionString: config.connectionString,
        ...(config.snapshotEvery === undefined ? {} : { snapshotEvery: config.snapshotEvery }),
      });
    }
    default: {
      const unknown: never = config;
      throw new Error(`unknown event store kind ${JSON.stringify(unknown)}`);
    }
  }
};

/**
 * Opens the configured store once for the whole application and closes it on shutdown, so that
 * SQLite checkpoints its WAL and EventStoreDB's gRPC channel drains before the process exits.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  private readonly logger = new Logger(EventStoreModule.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_STORE_CONFIG) private readonly config: EventStoreConfig,
  ) {}

  static forRoot(config: EventStoreConfig): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: EVENT_STORE_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config) },
      ],
      exports: [EVENT_STORE, EVENT_STORE_CONFIG],
    };
  }

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.store.close();
    this.logger.log(
      `closed the ${this.config.kind} event store at ${describeStoreLocation(this.config)}` +
        (signal === undefined ? '' : ` on ${signal}`),
    );
  }
}
