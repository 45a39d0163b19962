import type { CommandEnvelope, JsonValue } from '@fundledger/event-store';
import { Query } from '@nestjs/cqrs';
import type { FundingCommand } from '../funding-command.parse';

/** Why the ledger would refuse a command: its stable code, its message with the figures, and the figures alone. */
export interface CommandRefusal {
  readonly code: string;
  readonly message: string;
  readonly details?: JsonValue;
}

/** What recording a command would do now, after the earlier commands of its check. */
export type CommandCheck =
  | { readonly result: 'accepted'; readonly events: ReadonlyArray<{ readonly type: string }> }
  | { readonly result: 'already-recorded' }
  | { readonly result: 'refused'; readonly refusal: CommandRefusal };

/**
 * Decides commands in order as the command bus would record them, each as if the earlier accepted ones
 * were recorded, and records nothing: the check before a batch (a payments file) is confirmed.
 */
export class CheckFundingCommands extends Query<CommandCheck[]> {
  constructor(readonly commands: ReadonlyArray<{ readonly command: FundingCommand; readonly envelope: CommandEnvelope }>) {
    super();
  }
}
