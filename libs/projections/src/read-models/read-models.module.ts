import { EVENT_STORE, type EventStore, type ReadModelConfig } from '@fundledger/event-store';
import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { LEDGER_VIEW_CODEC_VERSION } from '../ledger';
import { LedgerProjection } from './ledger-projection';
import { LEDGER_READER, ProjectedLedgerReader } from './ledger-reader';
import { ProjectedReportRows, REPORT_ROWS } from './report-rows';
import { ReadModelStore } from './read-model.store';

/** Injection token for the read side's SQLite file. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

/**
 * The read side at run time: the persisted views, the projection that follows the log into them, and
 * the LedgerReader queries use. Needs the global EventStoreModule. The projection starts with the
 * application and stops, committing what it has, before the event store closes.
 */
@Global()
@Module({})
export class ReadModelsModule implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly projection: LedgerProjection,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  static forRoot(config: ReadModelConfig): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: READ_MODEL_STORE, useFactory: () => ReadModelStore.open(config.path, `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`) },
        {
          provide: LedgerProjection,
          inject: [EVENT_STORE, READ_MODEL_STORE],
          useFactory: (store: EventStore, readModels: ReadModelStore) =>
            new LedgerProjection(store, readModels, { log: new Logger('LedgerProjection') }),
        },
        {
          provide: LEDGER_READER,
          inject: [EVENT_STORE, LedgerProjection],
          useFactory: (store: EventStore, projection: LedgerProjection) =>
            new ProjectedLedgerReader(store, projection, { waitTimeoutMs: config.waitTimeoutMs }),
        },
        {
          provide: REPORT_ROWS,
          inject: [LedgerProjection],
          useFactory: (projection: LedgerProjection) => new ProjectedReportRows(projection, config.waitTimeoutMs),
        },
      ],
      exports: [READ_MODEL_STORE, LedgerProjection, LEDGER_READER, REPORT_ROWS],
    };
  }

  onModuleInit(): Promise<void> {
    return this.projection.start();
  }

  /** Runs before any module's onApplicationShutdown, so before the event store closes under the subscription. */
  onModuleDestroy(): Promise<void> {
    return this.projection.stop();
  }

  onApplicationShutdown(): void {
    this.readModels.close();
  }
}
