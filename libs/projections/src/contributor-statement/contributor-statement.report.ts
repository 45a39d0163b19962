import { outstandingPledge, type Organisation } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { fundedMonthsFor } from '../funded-months/award-to-reconciliation';
import { MonthsFunded } from '../funded-months/months-funded';
import type { LedgerView } from '../ledger/ledger-view';

/** All money as fixed 2-dp strings; months funded to 4 dp. */
export interface ContributorStatement {
  readonly organisationId: string;
  /** As named in its first contribution; absent when it has made none. */
  readonly organisationName?: string;
  readonly contributions: readonly ContributionLine[];
  readonly totals: {
    readonly pledged: string;
    readonly received: string;
    readonly withdrawn: string;
    readonly outstanding: string;
    readonly plannedUse: string;
    readonly monthsFunded: string;
  };
}

export interface ContributionLine {
  readonly awardId: string;
  readonly recipient: Organisation;
  readonly contributionId: string;
  readonly pledged: string;
  readonly received: string;
  readonly withdrawn: string;
  /** Pledged − withdrawn − received. */
  readonly outstanding: string;
  /**
   * What the planned reconciliation would draw from this contribution: a plan, not money spent or held,
   * so it is never called "used" (it may exceed what has been received, which can be nothing yet).
   */
  readonly plannedUse: string;
  /** Months of provision this contribution pays for in the planned reconciliation (DESIGN §5). */
  readonly monthsFunded: string;
}

/**
 * Everything one organisation has pledged, across every award, with what each pledge buys in months
 * of provision: the figures a council's finance team reconciles its own books against.
 */
export const contributorStatement = (ledger: LedgerView, organisationId: string): ContributorStatement => {
  const lines: Array<ContributionLine & { months: MonthsFunded }> = [];
  let organisationName: string | undefined;
  for (const view of ledger.awards.values()) {
    const own = [...view.award.contributions.values()].filter((c) => c.contributor.id === organisationId);
    if (own.length === 0) continue;
    const reconciliation = fundedMonthsFor(view);
    for (const c of own) {
      organisationName ??= c.contributor.name;
      const row = reconciliation.sources.find((s) => s.source.contributionId === c.contributionId)!;
      lines.push({
        awardId: view.award.awardId,
        recipient: view.award.recipient,
        contributionId: c.contributionId,
        pledged: c.pledged.toString(),
        received: c.received.toString(),
        withdrawn: c.withdrawn.toString(),
        outstanding: outstandingPledge(c).toString(),
        plannedUse: row.used.toString(),
        monthsFunded: row.monthsFunded.toFixed4(),
        months: row.monthsFunded,
      });
    }
  }
  const total = (pick: (line: ContributionLine) => string): string =>
    Money.sum(lines.map((line) => Money.fromString(pick(line)))).toString();
  return {
    organisationId,
    ...(organisationName === undefined ? {} : { organisationName }),
    contributions: lines.map(({ months: _months, ...line }) => line),
    totals: {
      pledged: total((l) => l.pledged),
      received: total((l) => l.received),
      withdrawn: total((l) => l.withdrawn),
      outstanding: total((l) => l.outstanding),
      plannedUse: total((l) => l.plannedUse),
      // The exact sum, rounded once: a sum of rounded rows could drift from it.
      monthsFunded: MonthsFunded.sum(lines.map((l) => l.months)).toFixed4(),
    },
  };
};
