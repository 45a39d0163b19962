import { outstandingPledge, type Organisation } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { fundedMonthsFor } from '../funded-months/award-to-reconciliation';
import type { FundedMonthsReport } from '../funded-months/funded-months.report';
import { MonthsFunded } from '../funded-months/months-funded';
import type { AwardView, LedgerView } from '../ledger/ledger-view';

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

/** One contribution's line with what the statement sums: who pledged it, and its months as an exact fraction. */
export interface ContributionEntry extends ContributionLine {
  readonly contributor: Organisation;
  readonly months: MonthsFunded;
}

/**
 * Every contribution of one award, whoever pledged it, with what it buys in the planned reconciliation
 * (DESIGN §5): what a statement of any of its contributors draws from this award.
 */
export const contributionEntriesOf = (view: AwardView, reconciliation?: FundedMonthsReport): ContributionEntry[] => {
  const contributions = [...view.award.contributions.values()];
  if (contributions.length === 0) return [];
  const sources = (reconciliation ?? fundedMonthsFor(view)).sources;
  return contributions.map((c) => {
    const row = sources.find((s) => s.source.contributionId === c.contributionId)!;
    return {
      awardId: view.award.awardId,
      recipient: view.award.recipient,
      contributionId: c.contributionId,
      pledged: c.pledged.toString(),
      received: c.received.toString(),
      withdrawn: c.withdrawn.toString(),
      outstanding: outstandingPledge(c).toString(),
      plannedUse: row.used.toString(),
      monthsFunded: row.monthsFunded.toFixed4(),
      contributor: c.contributor,
      months: row.monthsFunded,
    };
  });
};

/**
 * Everything one organisation has pledged, across every award, with what each pledge buys in months
 * of provision: the figures a council's finance team reconciles its own books against.
 */
export const contributorStatement = (ledger: LedgerView, organisationId: string): ContributorStatement =>
  contributorStatementOf(
    organisationId,
    [...ledger.awards.values()].flatMap((view) =>
      [...view.award.contributions.values()].some((c) => c.contributor.id === organisationId) ? contributionEntriesOf(view) : [],
    ),
  );

/** The statement from contribution entries in the order the awards were made; entries of other contributors are left out. */
export const contributorStatementOf = (organisationId: string, entries: readonly ContributionEntry[]): ContributorStatement => {
  const lines = entries.filter((entry) => entry.contributor.id === organisationId);
  const total = (pick: (line: ContributionLine) => string): string =>
    Money.sum(lines.map((line) => Money.fromString(pick(line)))).toString();
  const organisationName = lines[0]?.contributor.name;
  return {
    organisationId,
    ...(organisationName === undefined ? {} : { organisationName }),
    contributions: lines.map(({ months: _months, contributor: _contributor, ...line }) => line),
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
