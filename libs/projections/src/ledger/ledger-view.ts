import type { RecordedEvent } from '@fundledger/event-store';
import {
  awardIdOfStream,
  BUSINESS_DATE_FIELD,
  businessDateOf,
  isBusinessDateInferred,
  committedTotal,
  evolveAward,
  evolveProgramme,
  initialAwardState,
  initialProgrammeState,
  matchFundingTotal,
  programmeIdOfStream,
  toAwardEvent,
  toProgrammeEvent,
  type Award,
  type AwardEvent,
  type DeclaredTotals,
  type Programme,
} from '@fundledger/funding';

/**
 * The read side's knowledge of the ledger: each award's domain fold plus what the fold forgets and an
 * auditor asks for — how the award amount came to be what it is, what the ledger said when each
 * decision was recorded, and when each extension was recorded. Pure: a view is a fold of the log, so
 * any view can be rebuilt, or rebuilt as at a position, by folding fewer events.
 */

export interface AmountHistoryEntry {
  /** The award amount from this event on (2-dp string). */
  readonly amount: string;
  readonly reason?: string;
  /** AwardMade: its decision reference; AwardVaried: the variation's reference. */
  readonly reference?: string;
  /** The business date it took effect: awardedOn, or the variation's effectiveOn. */
  readonly effectiveOn: string;
  readonly recordedAt: string;
  readonly position: string;
}

/** An event whose business date was inferred from when it was recorded (events of schemaVersion 1). */
export interface InferredBusinessDate {
  readonly type: string;
  readonly field: string;
  readonly date: string;
  readonly position: string;
}

/** The ledger's own figures, as they stood when a decision's declared totals were recorded. */
export interface LedgerFigures {
  readonly awardAmount: string;
  /** Pledged − withdrawn match funding. */
  readonly matchTotal: string;
  /** Σ current grant commitments. */
  readonly grantsTotal: string;
}

export interface DecisionAsRecorded {
  readonly decisionRef: string;
  readonly decidedOn: string;
  readonly declared: DeclaredTotals;
  readonly ledgerAtDecision: LedgerFigures;
  readonly recordedAt: string;
  readonly position: string;
}

export interface ExtensionAsRecorded {
  readonly newEnd: string;
  readonly decidedOn: string;
  readonly reason: string;
  readonly fundedBy: string[];
  readonly recordedAt: string;
}

export interface AwardView {
  readonly award: Award;
  readonly amountHistory: AmountHistoryEntry[];
  readonly decisionsAsRecorded: DecisionAsRecorded[];
  readonly extensions: ExtensionAsRecorded[];
  /** Every date a report of this award may use that was inferred rather than recorded. */
  readonly inferredDates: InferredBusinessDate[];
  /** Global position of the last event folded in (decimal string). */
  readonly lastPosition: string;
  readonly lastRecordedAt: string;
  /** Revision of the award stream after the last event folded in (decimal string). */
  readonly revision: string;
}

export interface ProgrammeView {
  readonly programme: Programme;
  readonly lastPosition: string;
}

export interface LedgerView {
  readonly awards: ReadonlyMap<string, AwardView>;
  readonly programmes: ReadonlyMap<string, ProgrammeView>;
}

export const emptyLedgerView: LedgerView = { awards: new Map(), programmes: new Map() };


export const ledgerFiguresOf = (award: Award): LedgerFigures => ({
  awardAmount: award.amount.toString(),
  matchTotal: matchFundingTotal(award).toString(),
  grantsTotal: committedTotal(award).toString(),
});

/** Folds one event of an award stream. Throws when the stream is inconsistent (as evolveAward does). */
export function evolveAwardView(view: AwardView | undefined, recorded: RecordedEvent): AwardView {
  const event = toAwardEvent(recorded);
  const state = evolveAward(view?.award ?? initialAwardState, event);
  if (state.status === 'not-made') throw new Error(`award stream ${recorded.stream}: no award after ${event.type}`);
  const stamp = { recordedAt: recorded.recordedAt, position: recorded.position.toString() };
  return {
    award: state,
    amountHistory: amountHistoryAfter(view?.amountHistory ?? [], event, stamp),
    decisionsAsRecorded: decisionsAfter(view?.decisionsAsRecorded ?? [], event, state, stamp),
    extensions: extensionsAfter(view?.extensions ?? [], event, stamp.recordedAt),
    inferredDates: inferredDatesAfter(view?.inferredDates ?? [], event, stamp.position),
    lastPosition: stamp.position,
    lastRecordedAt: stamp.recordedAt,
    revision: recorded.revision.toString(),
  };
}

type Stamp = { readonly recordedAt: string; readonly position: string };

const amountHistoryAfter = (history: AmountHistoryEntry[], event: AwardEvent, stamp: Stamp): AmountHistoryEntry[] => {
  if (event.type === 'AwardMade') {
    const { amount, decisionRef, awardedOn } = event.data;
    return [{ amount, reference: decisionRef, effectiveOn: awardedOn, ...stamp }];
  }
  // A variation that only moves the window end leaves the amount, and so its history, alone.
  if (event.type === 'AwardVaried' && event.data.newAmount !== undefined) {
    const { newAmount, reason, reference, effectiveOn } = event.data;
    return [...history, { amount: newAmount, reason, reference, effectiveOn, ...stamp }];
  }
  return history;
};

/**
 * A decision moves no money, so the ledger's figures after folding it are the figures it was
 * declared against: what a reviewer compares its totals with, whatever has been recorded since.
 */
const decisionsAfter = (
  decisions: DecisionAsRecorded[],
  event: AwardEvent,
  award: Award,
  stamp: Stamp,
): DecisionAsRecorded[] => {
  if (event.type !== 'DecisionRecorded') return decisions;
  const { decisionRef, decidedOn, declared } = event.data;
  return [...decisions, { decisionRef, decidedOn, declared, ledgerAtDecision: ledgerFiguresOf(award), ...stamp }];
};

const extensionsAfter = (
  extensions: ExtensionAsRecorded[],
  event: AwardEvent,
  recordedAt: string,
): ExtensionAsRecorded[] => {
  if (event.type !== 'ProvisionExtended') return extensions;
  const { newEnd, decidedOn, reason, fundedBy } = event.data;
  return [...extensions, { newEnd, decidedOn, reason, fundedBy: [...fundedBy], recordedAt }];
};

const inferredDatesAfter = (inferred: InferredBusinessDate[], event: AwardEvent, position: string): InferredBusinessDate[] => {
  if (!isBusinessDateInferred(event)) return inferred;
  const field = BUSINESS_DATE_FIELD[event.type];
  return [...inferred, { type: event.type, field, date: businessDateOf(event), position }];
};

export function evolveProgrammeView(view: ProgrammeView | undefined, recorded: RecordedEvent): ProgrammeView {
  const state = evolveProgramme(view?.programme ?? initialProgrammeState, toProgrammeEvent(recorded));
  if (state.status !== 'opened') throw new Error(`programme stream ${recorded.stream}: not opened`);
  return { programme: state, lastPosition: recorded.position.toString() };
}

/** Folds any event of the log; events of streams other than awards and programmes leave the view as it is. */
export function evolveLedgerView(view: LedgerView, recorded: RecordedEvent): LedgerView {
  const awardId = awardIdOfStream(recorded.stream);
  if (awardId !== undefined) {
    const awards = new Map(view.awards).set(awardId, evolveAwardView(view.awards.get(awardId), recorded));
    return { awards, programmes: view.programmes };
  }
  const programmeId = programmeIdOfStream(recorded.stream);
  if (programmeId !== undefined) {
    const programme = evolveProgrammeView(view.programmes.get(programmeId), recorded);
    return { awards: view.awards, programmes: new Map(view.programmes).set(programmeId, programme) };
  }
  return view;
}

/**
 * Folds many events at once: the same result as reducing with evolveLedgerView, without copying the
 * maps on every event (a rebuild folds the whole log).
 */
export function foldLedgerView(events: Iterable<RecordedEvent>, from: LedgerView = emptyLedgerView): LedgerView {
  const awards = new Map(from.awards);
  const programmes = new Map(from.programmes);
  for (const recorded of events) {
    const awardId = awardIdOfStream(recorded.stream);
    if (awardId !== undefined) {
      awards.set(awardId, evolveAwardView(awards.get(awardId), recorded));
      continue;
    }
    const programmeId = programmeIdOfStream(recorded.stream);
    if (programmeId === undefined) continue;
    programmes.set(programmeId, evolveProgrammeView(programmes.get(programmeId), recorded));
  }
  return { awards, programmes };
}
