import { LogAuditor } from '@fundledger/audit';
import type { FundingCommandType } from '@fundledger/funding';
import { RecordFundingCommand, type CommandReceipt } from '@fundledger/funding/application';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { commandRequest, type CommandOrigin } from './command-request';

/** Turns a validated HTTP body into a funding command on the bus: the one path every command route takes. */
@Injectable()
export class CommandSender {
  constructor(
    private readonly bus: CommandBus,
    private readonly auditor: LogAuditor,
  ) {}

  async send(
    type: FundingCommandType,
    body: object,
    pathIds: Readonly<Record<string, string>>,
    origin: CommandOrigin,
  ): Promise<CommandReceipt> {
    const { command, envelope } = commandRequest(type, body, pathIds, origin);
    const receipt = await this.bus.execute(new RecordFundingCommand(command, envelope));
    await this.auditor.keepCheckpointForDocuments(receipt);
    return receipt;
  }
}
