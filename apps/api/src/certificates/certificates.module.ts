import { Module } from '@nestjs/common';
import { AwardRecordsModule } from '../award-records/award-records.module';
import { CommandsModule } from '../commands/commands.module';
import { CertificatesController } from './certificates.controller';

@Module({ imports: [CommandsModule, AwardRecordsModule], controllers: [CertificatesController] })
export class CertificatesModule {}
