import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** HTTP routes over the LogAuditor that the application's AuditModule (@fundledger/audit) provides. */
@Module({ controllers: [AuditController] })
export class AuditRoutesModule {}
