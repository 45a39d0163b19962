import type { RecordedEvent, SnapshotCodec } from '@fundledger/event-store';
import { awardDecider } from '../award/award.decide';
import type { JsonData } from '../award/award.events';
import { AWARD_SNAPSHOT_VERSION, decodeAwardState, encodeAwardState } from '../award/award.snapshot';
import type { AwardState } from '../award/award.state';
import { toAwardEvent } from '../award/award.upcast';
import { type DutiesRecorded, NO_DUTIES_RECORDED, recordDuty } from '../award/separation-of-duties';

/** The award and who did which duty on it: the actor is in each event's metadata, not in its data. */
export interface AwardWithDuties {
  readonly award: AwardState;
  readonly duties: DutiesRecorded;
}

/** The fold's name, for the decided-state cache and the snapshots table. */
export const AWARD_WITH_DUTIES_FOLD = 'award-with-duties';

export const initialAwardWithDuties: AwardWithDuties = { award: awardDecider.initialState, duties: NO_DUTIES_RECORDED };

/** handleCommand folds what it read from the store: whole RecordedEvents, metadata included. */
export const evolveAwardWithDuties = (state: AwardWithDuties, event: RecordedEvent): AwardWithDuties => ({
  award: awardDecider.evolve(state.award, toAwardEvent(event)),
  duties: recordDuty(state.duties, event.type, actorOf(event)),
});

/** The award's own codec (versioned with it) beside the duties, which are lists of subjects already. */
export const awardWithDutiesSnapshot: SnapshotCodec<AwardWithDuties> = {
  version: AWARD_SNAPSHOT_VERSION,
  encode: ({ award, duties }) => ({ award: encodeAwardState(award), duties: { paidBy: duties.paidBy, certifiedBy: duties.certifiedBy } }),
  decode: (stored, version) => {
    const { award, duties } = stored as unknown as { award: JsonData; duties: DutiesRecorded | undefined };
    const decoded = decodeAwardState(award, version);
    if (decoded === undefined || !Array.isArray(duties?.paidBy) || !Array.isArray(duties?.certifiedBy)) return undefined;
    return { award: decoded, duties: { paidBy: [...duties.paidBy], certifiedBy: [...duties.certifiedBy] } };
  },
};

/** The subject that recorded an event (metadata `actor.id`, from the token's `sub` or the CLI's --actor). */
export const actorOf = (event: { readonly metadata?: unknown }): string | undefined => {
  const actor = (event.metadata as { actor?: { id?: unknown } } | undefined)?.actor;
  return typeof actor?.id === 'string' ? actor.id : undefined;
};
