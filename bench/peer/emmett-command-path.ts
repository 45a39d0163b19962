import { ukDateOf } from '@fundledger/calendar';
import {
  awardDecider,
  awardStreamName,
  isProgrammeCommand,
  parseFundingCommand,
  programmeDecider,
  programmeStreamName,
  toAwardEvent,
  toProgrammeEvent,
  type AwardState,
  type ProgrammeState,
} from '@fundledger/funding';
import type { ScriptCommand } from '../workload/award-commands.workload';
import type { Emmett, EmmettEvent, EmmettEventStore } from './emmett.peer';

/**
 * The same workload through the peer: fundledger's own parse, decide and evolve, run by Emmett's
 * CommandHandler (read the stream, fold, decide, append with the version it read, retry on a version
 * conflict) on Emmett's SQLite store. So a difference between the two columns is the store and the
 * handler, never the rules. The peer records less than fundledger does for the same command (no hash
 * chain, no command-id idempotency, no separation-of-duties metadata), which only flatters it.
 */
export const emmettCommandPath = (emmett: Emmett, store: EmmettEventStore, now: () => Date = () => new Date()) => {
  const handleAward = emmett.CommandHandler<AwardState>({
    evolve: (state, event) => awardDecider.evolve(state, toAwardEvent(event)),
    initialState: () => awardDecider.initialState,
    retry: { onVersionConflict: true },
  });
  const handleProgramme = emmett.CommandHandler<ProgrammeState>({
    evolve: (state, event) => programmeDecider.evolve(state, toProgrammeEvent(event)),
    initialState: () => programmeDecider.initialState,
    retry: { onVersionConflict: true },
  });
  const programmeState = async (programmeId: string): Promise<ProgrammeState> =>
    (
      await store.aggregateStream<ProgrammeState>(programmeStreamName(programmeId), {
        evolve: (state, event) => programmeDecider.evolve(state, toProgrammeEvent(event)),
        initialState: () => programmeDecider.initialState,
      })
    ).state;

  return async (script: ScriptCommand): Promise<void> => {
    const command = parseFundingCommand(script.type, script.body);
    const today = ukDateOf(now());
    if (isProgrammeCommand(command)) {
      await handleProgramme(store, programmeStreamName(command.programmeId), (state) => events(programmeDecider.decide(state, command, { today })));
      return;
    }
    const programme = command.type === 'MakeAward' && command.programmeId !== undefined ? await programmeState(command.programmeId) : undefined;
    await handleAward(store, awardStreamName(command.awardId), (state) =>
      events(awardDecider.decide(state, command, { today, ...(programme === undefined ? {} : { programme }) })),
    );
  };
};

const events = (decided: ReadonlyArray<{ type: string; data: unknown }>): EmmettEvent[] => decided.map(({ type, data }) => ({ type, data }));
