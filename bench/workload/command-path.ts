import { hashCommandBody, type EventStore } from '@fundledger/event-store';
import { parseFundingCommand } from '@fundledger/funding';
import { RecordFundingCommand, RecordFundingCommandHandler, type CommandReceipt } from '@fundledger/funding/application';
import type { ScriptCommand } from './award-commands.workload';
import { reportingFigures } from '@fundledger/reporting';

export const BENCH_ACTOR = { id: 'bench', role: 'finance-officer' } as const;

/**
 * The write path of an HTTP request or a CLI import minus its transport: parse the body, hash it,
 * then the command handler's load, decide (the real award decider) and append through handleCommand.
 * The handler is built directly rather than through Nest's CommandBus, whose dispatch costs nothing
 * worth measuring and whose start-up would be timed by every scenario.
 */
export const commandPath = (store: EventStore, now: () => Date = () => new Date()) => {
  const handler = new RecordFundingCommandHandler(store, now, reportingFigures);
  return (command: ScriptCommand): Promise<CommandReceipt> =>
    handler.execute(
      new RecordFundingCommand(parseFundingCommand(command.type, command.body), {
        commandId: command.commandId,
        commandHash: hashCommandBody(command.type, command.body),
        actor: BENCH_ACTOR,
      }),
    );
};
