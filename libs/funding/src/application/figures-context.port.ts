import type { RecordedEvent } from '@fundledger/event-store';
import type { CertifyBudget, SubmitReturn } from '../award/award.commands';
import type { AwardDecisionFigures } from '../award/award.decide';
import type { AwardState } from '../award/award.state';

/**
 * The figures CertifyBudget and SubmitReturn pin are computed by the reporting (certificate and return
 * formats), which sits above the domain; the write side asks for them through this port, which the
 * apps bind to the reporting's implementation, so funding never imports reporting.
 */
export const FIGURES_CONTEXT = Symbol('FIGURES_CONTEXT');

export interface FiguresContext {
  /** The award as the reporting folds the events, and the figures the command pins on it. */
  decisionOn(command: CertifyBudget | SubmitReturn, events: readonly RecordedEvent[]): {
    readonly award: AwardState;
    readonly figures: AwardDecisionFigures;
  };
}
