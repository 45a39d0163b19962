import { Module } from '@nestjs/common';
import { AwardRecordsModule } from '../award-records/award-records.module';
import { CommandsModule } from '../commands/commands.module';
import { ReturnsController } from './returns.controller';

@Module({ imports: [CommandsModule, AwardRecordsModule], controllers: [ReturnsController] })
export class ReturnsModule {}
