import { Module } from '@nestjs/common';
import { AwardRecords } from './award-records.service';

/** Reads award streams for certificates and returns; needs the global EventStoreModule (EVENT_STORE). */
@Module({ providers: [AwardRecords], exports: [AwardRecords] })
export class AwardRecordsModule {}
