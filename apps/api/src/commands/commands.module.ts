import { FundingModule } from '@fundledger/funding/application';
import { Module } from '@nestjs/common';
import { CommandSender } from './command-sender.service';
import { reportingFigures } from '@fundledger/reporting';

/** The write path shared by the command controllers: envelope building and the funding command bus. */
@Module({
  imports: [FundingModule.withFigures(reportingFigures)],
  providers: [CommandSender],
  exports: [CommandSender],
})
export class CommandsModule {}
