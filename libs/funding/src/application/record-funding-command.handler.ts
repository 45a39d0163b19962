import {
  EVENT_STORE,
  handleCommand,
  type CommandEnvelope,
  type CommandOutcome,
  type DomainEvent,
  type EventStore,
  type RecordedEvent,
  type StreamDecision,
} from '@fundledger/event-store';
import { ukDateOf, type IsoDate } from '@fundledger/calendar';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { needsFiguresContext, type AwardCommand, type CertifyBudget, type SubmitReturn } from '../award/award.commands';
import { awardDecider } from '../award/award.decide';
import { awardStreamName } from '../award/award.events';
import { NO_DUTIES_RECORDED, recordDuty } from '../award/separation-of-duties';
import { isProgrammeCommand, type FundingCommand } from '../funding-command.parse';
import type { ProgrammeCommand } from '../programme/programme.commands';
import { programmeDecider } from '../programme/programme.decide';
import { programmeStreamName, toProgrammeEvent } from '../programme/programme.events';
import { foldProgramme, type ProgrammeState } from '../programme/programme.state';
import {
  actorOf,
  AWARD_WITH_DUTIES_FOLD,
  awardWithDutiesSnapshot,
  evolveAwardWithDuties,
  initialAwardWithDuties,
  type AwardWithDuties,
} from './award-with-duties.fold';
import { CLOCK, type Clock } from './clock';
import { FIGURES_CONTEXT, type FiguresContext } from './figures-context.port';
import type { CommandReceipt } from './command-receipt';
import { RecordFundingCommand } from './record-funding-command';

// One handler for every funding command: their rules live in each folder's decide; load/decide/append is identical.
@CommandHandler(RecordFundingCommand)
export class RecordFundingCommandHandler implements ICommandHandler<RecordFundingCommand, CommandReceipt> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FIGURES_CONTEXT) private readonly figures: FiguresContext,
  ) {}

  async execute({ command, envelope }: RecordFundingCommand): Promise<CommandReceipt> {
    const outcome = await this.record(await this.decisionFor(command, envelope.actor.id), envelope);
    return toReceipt(envelope.commandId, outcome);
  }

  /**
   * The stream, fold and rules a command is decided by: what execute records with, and what
   * CheckFundingCommands decides on without recording, so a check and a recording cannot differ.
   */
  async decisionFor(command: FundingCommand, actor: string): Promise<StreamDecision<unknown, DomainEvent>> {
    // The UK day of deciding: no business date may be after it (DESIGN §4).
    const today = ukDateOf(this.clock());
    const decision = isProgrammeCommand(command)
      ? this.programmeDecision(command, today)
      : needsFiguresContext(command)
        ? this.figuresDecision(command, today, actor)
        : await this.awardDecision(command, today, actor);
    return decision as StreamDecision<unknown, DomainEvent>;
  }

  private record<S>(decision: StreamDecision<S, DomainEvent>, envelope: CommandEnvelope): Promise<CommandOutcome> {
    return handleCommand(this.store, decision, envelope, { now: this.clock });
  }

  private programmeDecision(command: ProgrammeCommand, today: IsoDate): StreamDecision<ProgrammeState, DomainEvent> {
    return {
      stream: programmeStreamName(command.programmeId),
      foldName: 'programme',
      initialState: programmeDecider.initialState,
      evolve: (state, event) => programmeDecider.evolve(state, toProgrammeEvent(event)),
      decide: (state) => programmeDecider.decide(state, command, { today }),
    };
  }

  private async awardDecision(
    command: AwardCommand,
    today: IsoDate,
    actor: string,
  ): Promise<StreamDecision<AwardWithDuties, DomainEvent>> {
    // An award made under a programme must name one that was opened; the domain decides, given its state.
    // Read once, outside the retry loop: a programme stream only ever goes from not-opened to opened.
    const programme =
      command.type === 'MakeAward' && command.programmeId !== undefined
        ? await this.programmeState(command.programmeId)
        : undefined;
    return {
      stream: awardStreamName(command.awardId),
      foldName: AWARD_WITH_DUTIES_FOLD,
      snapshot: awardWithDutiesSnapshot,
      initialState: initialAwardWithDuties,
      evolve: (state, event) => evolveAwardWithDuties(state, event as unknown as RecordedEvent),
      decide: (state) =>
        awardDecider.decide(state.award, command, {
          today,
          ...(programme === undefined ? {} : { programme }),
          duties: { actor, recorded: state.duties },
        }),
    };
  }

  /**
   * CertifyBudget and SubmitReturn pin figures that the reporting computes from the award's stream. They
   * are computed inside the decision, from exactly the events it is decided on (and again after a
   * concurrent write), so what is pinned is the state that was certified or submitted, at its revision.
   */
  private figuresDecision(
    command: CertifyBudget | SubmitReturn,
    today: IsoDate,
    actor: string,
  ): StreamDecision<readonly RecordedEvent[], DomainEvent> {
    return {
      stream: awardStreamName(command.awardId),
      initialState: [],
      // handleCommand folds what it read from the store: whole RecordedEvents, revision and position included.
      evolve: (events, event) => [...events, event as unknown as RecordedEvent],
      decide: (events) => {
        const { award, figures } = this.figures.decisionOn(command, events);
        const recorded = events.reduce((duties, event) => recordDuty(duties, event.type, actorOf(event)), NO_DUTIES_RECORDED);
        return awardDecider.decide(award, command, { today, ...figures, duties: { actor, recorded } });
      },
    };
  }

  private async programmeState(programmeId: string): Promise<ProgrammeState> {
    const events = [];
    for await (const recorded of this.store.readStream(programmeStreamName(programmeId))) {
      events.push(toProgrammeEvent(recorded));
    }
    return foldProgramme(events);
  }
}

const toReceipt = (commandId: string, outcome: CommandOutcome): CommandReceipt => ({
  commandId,
  stream: outcome.stream,
  events: outcome.events.map(({ id, type, revision, data }) => ({ id, type, revision: revision.toString(), data })),
  revision: outcome.nextExpectedRevision.toString(),
  position: outcome.position.toString(),
  checkpoint: { treeSize: outcome.treeHead.treeSize.toString(), rootHash: outcome.treeHead.rootHash },
  replayed: outcome.replayed,
});
