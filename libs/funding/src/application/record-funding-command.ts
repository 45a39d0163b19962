import type { CommandEnvelope } from '@fundledger/event-store';
import { Command } from '@nestjs/cqrs';
import type { FundingCommand } from '../funding-command.parse';
import type { CommandReceipt } from './command-receipt';

/** A parsed funding command with who sent it and its identity for retries; answered with a CommandReceipt. */
export class RecordFundingCommand extends Command<CommandReceipt> {
  constructor(
    readonly command: FundingCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
