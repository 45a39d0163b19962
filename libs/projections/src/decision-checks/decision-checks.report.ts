import { Money } from '@fundledger/money';
import { ledgerFiguresOf, type AwardView, type LedgerFigures } from '../ledger/ledger-view';

export type DeclaredFigure = keyof LedgerFigures;
const DECLARED_FIGURES: readonly DeclaredFigure[] = ['awardAmount', 'matchTotal', 'grantsTotal'];

/** One declared figure against one reading of the ledger; money as 2-dp strings. */
export interface FigureCheck {
  readonly declared: string;
  readonly ledger: string;
  readonly status: 'match' | 'mismatch';
  /** declared − ledger: positive when the decision states more than the ledger holds. */
  readonly difference: string;
}

export interface DecisionCheck {
  readonly decisionRef: string;
  readonly decidedOn: string;
  readonly recordedAt: string;
  readonly position: string;
  /** Only the figures the decision declared. */
  readonly figures: ReadonlyArray<{
    readonly figure: DeclaredFigure;
    /** Against the ledger as it stood when the decision was recorded. */
    readonly atDecision: FigureCheck;
    /** Against the ledger as it stands now (or as at the view's position). */
    readonly now: FigureCheck;
  }>;
}

/** A change of the award amount: e.g. a local decision confirming less than the national announcement. */
export interface AmountVariation {
  readonly from: string;
  readonly to: string;
  /** to − from. */
  readonly difference: string;
  readonly reference?: string;
  readonly reason?: string;
  readonly recordedAt: string;
  readonly position: string;
}

export interface DecisionChecksReport {
  readonly awardId: string;
  readonly decisions: readonly DecisionCheck[];
  readonly amountVariations: readonly AmountVariation[];
  readonly mismatches: { readonly atDecision: number; readonly now: number };
}

const check = (declared: string, ledger: string): FigureCheck => {
  const difference = Money.fromString(declared).minus(Money.fromString(ledger));
  return { declared, ledger, status: difference.isZero() ? 'match' : 'mismatch', difference: difference.toString() };
};

/**
 * Published decisions checked against the ledger (DESIGN §7): a stated total that is not the sum of
 * its lines, or an amount that differs between two publications, is shown with its difference, never
 * smoothed over. Each figure is checked against the ledger both as it stood when the decision was
 * recorded (was the decision right then?) and now (does it still describe the award?).
 */
export const decisionChecksReport = (view: AwardView): DecisionChecksReport => {
  const now = ledgerFiguresOf(view.award);
  const decisions = view.decisionsAsRecorded.map(
    ({ decisionRef, decidedOn, recordedAt, position, declared, ledgerAtDecision }): DecisionCheck => ({
      decisionRef,
      decidedOn,
      recordedAt,
      position,
      figures: DECLARED_FIGURES.flatMap((figure) => {
        const stated = declared[figure];
        if (stated === undefined) return [];
        return [{ figure, atDecision: check(stated, ledgerAtDecision[figure]), now: check(stated, now[figure]) }];
      }),
    }),
  );
  const history = view.amountHistory;
  const amountVariations = history.slice(1).map((entry, i): AmountVariation => {
    const from = history[i].amount;
    return {
      from,
      to: entry.amount,
      difference: Money.fromString(entry.amount).minus(Money.fromString(from)).toString(),
      ...(entry.reference === undefined ? {} : { reference: entry.reference }),
      ...(entry.reason === undefined ? {} : { reason: entry.reason }),
      recordedAt: entry.recordedAt,
      position: entry.position,
    };
  });
  const count = (when: 'atDecision' | 'now'): number =>
    decisions.flatMap((d) => d.figures).filter((f) => f[when].status === 'mismatch').length;
  return {
    awardId: view.award.awardId,
    decisions,
    amountVariations,
    mismatches: { atDecision: count('atDecision'), now: count('now') },
  };
};
