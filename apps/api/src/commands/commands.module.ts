import { FundingModule } from '@fundledger/funding/application';
import { Module } from '@nestjs/common';
import { CommandSender } from './command-sender.service';

/** The write path shared by the command controllers: envelope building and the funding command bus. */
@Module({
  imports: [FundingModule],
  providers: [CommandSender],
  exports: [CommandSender],
})
export class CommandsModule {}
