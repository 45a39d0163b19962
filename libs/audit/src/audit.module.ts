import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { LogAuditor } from './log-auditor';
import { describeSigningKeySource, type SigningKeySource } from './signing-key.config';
import { loadSigningKey } from './signing-key.store';

export interface AuditModuleOptions {
  /**
   * Load (and on first use create) the key while the application starts, logging where it is: the
   * service does, so a bad key stops its start. The CLI loads it only for a command that signs.
   */
  readonly loadKeyAtStart: boolean;
}

/** The LogAuditor for the application: checkpoints signed with the configured key, verify. */
@Global()
@Module({})
export class AuditModule {
  static forRoot(source: SigningKeySource, options: AuditModuleOptions): DynamicModule {
    const load = () => {
      const key = loadSigningKey(source);
      new Logger(AuditModule.name).log(`${describeSigningKeySource(source)}; key id ${key.keyId}`);
      return key;
    };
    return {
      module: AuditModule,
      global: true,
      providers: [
        {
          provide: LogAuditor,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => {
            const auditor = new LogAuditor(store, load);
            if (options.loadKeyAtStart) auditor.key();
            return auditor;
          },
        },
      ],
      exports: [LogAuditor],
    };
  }
}
