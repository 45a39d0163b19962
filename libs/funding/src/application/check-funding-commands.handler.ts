import { CommandIdReusedError, decideInSequence, EVENT_STORE, type EventStore, type SequencedCommand, type DomainEvent } from '@fundledger/event-store';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isFundingError } from '../errors/funding.errors';
import { CLOCK, type Clock } from './clock';
import { CheckFundingCommands, type CommandCheck, type CommandRefusal } from './check-funding-commands.query';
import { RecordFundingCommandHandler } from './record-funding-command.handler';

/** The refusals a check reports row by row: the domain's coded errors and a command id used for another body. */
const isRefusal = (error: unknown): boolean => isFundingError(error) || error instanceof CommandIdReusedError;

const refusalOf = (error: unknown): CommandRefusal => {
  if (isFundingError(error)) return { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  const { code, message } = error as CommandIdReusedError;
  return { code, message };
};

/**
 * Each stream's commands are decided in one sequence on that stream's state (decideInSequence), with
 * the decision the recording handler itself builds, so no rule is written twice. Streams are
 * independent: a payment on one award cannot change what another award accepts.
 */
@QueryHandler(CheckFundingCommands)
export class CheckFundingCommandsHandler implements IQueryHandler<CheckFundingCommands, CommandCheck[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly recorder: RecordFundingCommandHandler,
  ) {}

  async execute({ commands }: CheckFundingCommands): Promise<CommandCheck[]> {
    const byStream = new Map<string, Array<SequencedCommand<unknown, DomainEvent> & { readonly index: number }>>();
    for (const [index, { command, envelope }] of commands.entries()) {
      const decision = await this.recorder.decisionFor(command, envelope.actor.id);
      byStream.set(decision.stream, [...(byStream.get(decision.stream) ?? []), { decision, envelope, index }]);
    }
    const checks = new Array<CommandCheck>(commands.length);
    for (const sequence of byStream.values()) {
      const decided = await decideInSequence(this.store, sequence, { now: this.clock, isRefusal });
      decided.forEach((outcome, i) => {
        checks[sequence[i].index] =
          outcome.outcome === 'accepted'
            ? { result: 'accepted', events: outcome.events.map(({ type }) => ({ type })) }
            : outcome.outcome === 'already-recorded'
              ? { result: 'already-recorded' }
              : { result: 'refused', refusal: refusalOf(outcome.error) };
      });
    }
    return checks;
  }
}
