import { compareMonths, lastDayOfMonth, parseFinancialYear, quarterMonths, type IsoDate, type Month } from '@fundledger/calendar';
import { matchFundingReceived, unpaidCommitment, type Organisation } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import { actualsFor, type ActualSourceUse } from '../funded-months/actuals';
import type { AwardView, InferredBusinessDate } from '../ledger/ledger-view';

/**
 * The figures a Section 151 officer needs for the statement of accounts, per award, as of 31 March:
 * what the funder's money and the match funding paid for in the year and to date (actual payments
 * allocated by DESIGN §5, as the returns do), what was received, what is committed and not yet paid,
 * what was received but not yet spent (a receipt in advance), and what lapses because its window
 * ended unspent. All money as 2-dp strings.
 */
export interface YearEndAward {
  readonly awardId: string;
  readonly funder: Organisation;
  readonly recipient: Organisation;
  readonly funderMoney: {
    readonly awarded: string;
    readonly spentInYear: string;
    readonly spentToDate: string;
    readonly windowEnd: Month;
    /** Unspent when the window ended on or before the year end: returnable to the funder. */
    readonly lapses: string;
  };
  readonly matchFunding: {
    readonly receivedInYear: string;
    readonly receivedToDate: string;
    readonly spentInYear: string;
    readonly spentToDate: string;
    /** Received but not yet spent, contribution by contribution. */
    readonly receiptsInAdvance: string;
    /** Pledged net of withdrawals and unspent, for contributions whose window ended by the year end. */
    readonly lapses: string;
  };
  /** Committed to grantees and not yet paid. */
  readonly grantCommitmentsOutstanding: string;
  /** Business dates these figures rest on that were inferred from when old events were recorded. */
  readonly businessDatesInferred: readonly InferredBusinessDate[];
}

type Figures = 'awardId' | 'funder' | 'recipient' | 'funderMoney' | 'matchFunding' | 'businessDatesInferred';

export interface YearEndReport {
  readonly financialYear: string;
  /** 31 March: the business date the figures are as of. */
  readonly asOf: IsoDate;
  readonly awards: readonly YearEndAward[];
  readonly totals: Omit<YearEndAward, Figures> & {
    readonly funderMoney: Omit<YearEndAward['funderMoney'], 'windowEnd'>;
    readonly matchFunding: YearEndAward['matchFunding'];
  };
}

export interface FinancialYearDates {
  readonly months: readonly Month[];
  /** 31 March that ends the year. */
  readonly end: IsoDate;
  /** 31 March before it: what had happened by then is "before the year". */
  readonly endOfPreviousYear: IsoDate;
}

export const financialYearDates = (financialYear: string): FinancialYearDates => {
  parseFinancialYear(financialYear);
  const months = ([1, 2, 3, 4] as const).flatMap((quarter) => quarterMonths(financialYear, quarter));
  const end = lastDayOfMonth(months[months.length - 1]);
  return { months, end, endOfPreviousYear: `${Number(end.slice(0, 4)) - 1}-03-31` };
};

/**
 * `atYearEnd`: the awards as of 31 March; `beforeYear`: the same awards as of the previous 31 March
 * (undefined for an award not made by then), so that what was received in the year is the difference.
 */
export const yearEndReport = (
  financialYear: string,
  atYearEnd: Iterable<AwardView>,
  beforeYear: (awardId: string) => AwardView | undefined,
): YearEndReport => {
  const dates = financialYearDates(financialYear);
  const awards = [...atYearEnd].map((view) => yearEndAward(view, beforeYear(view.award.awardId), dates));
  return { financialYear, asOf: dates.end, awards, totals: totalsOf(awards) };
};

const yearEndAward = (view: AwardView, before: AwardView | undefined, dates: FinancialYearDates): YearEndAward => {
  const { award } = view;
  const lastMonth = dates.months[dates.months.length - 1];
  const actuals = actualsFor(view, lastMonth);
  const funder = actuals.sources.filter((use) => use.source.kind === 'award');
  const match = actuals.sources.filter((use) => use.source.kind === 'match');
  const ended = (use: ActualSourceUse): boolean => compareMonths(use.source.windowEnd, lastMonth) <= 0;
  const receivedToDate = matchFundingReceived(award);
  const receivedBefore = before === undefined ? Money.zero() : matchFundingReceived(before.award);
  const receivedOf = (contributionId: string | undefined): Money =>
    award.contributions.get(contributionId ?? '')?.received ?? Money.zero();
  return {
    awardId: award.awardId,
    funder: award.funder,
    recipient: award.recipient,
    funderMoney: {
      awarded: award.amount.toString(),
      spentInYear: inYear(funder, dates).toString(),
      spentToDate: usedOf(funder).toString(),
      windowEnd: award.window.end,
      lapses: Money.sum(funder.filter(ended).map((use) => use.remaining)).toString(),
    },
    matchFunding: {
      receivedInYear: receivedToDate.minus(receivedBefore).toString(),
      receivedToDate: receivedToDate.toString(),
      spentInYear: inYear(match, dates).toString(),
      spentToDate: usedOf(match).toString(),
      receiptsInAdvance: Money.sum(
        match.map((use) => Money.max(Money.zero(), receivedOf(use.source.contributionId).minus(use.used))),
      ).toString(),
      lapses: Money.sum(match.filter(ended).map((use) => use.remaining)).toString(),
    },
    grantCommitmentsOutstanding: Money.sum([...award.grants.values()].map(unpaidCommitment)).toString(),
    businessDatesInferred: view.inferredDates,
  };
};

const usedOf = (uses: readonly ActualSourceUse[]): Money => Money.sum(uses.map((use) => use.used));

const inYear = (uses: readonly ActualSourceUse[], dates: FinancialYearDates): Money =>
  Money.sum(uses.flatMap((use) => use.byMonth.filter((m) => dates.months.includes(m.month)).map((m) => m.amount)));

const sumOf = (awards: readonly YearEndAward[], figure: (award: YearEndAward) => string): string =>
  Money.sum(awards.map((award) => Money.fromString(figure(award)))).toString();

const totalsOf = (awards: readonly YearEndAward[]): YearEndReport['totals'] => ({
  funderMoney: {
    awarded: sumOf(awards, (a) => a.funderMoney.awarded),
    spentInYear: sumOf(awards, (a) => a.funderMoney.spentInYear),
    spentToDate: sumOf(awards, (a) => a.funderMoney.spentToDate),
    lapses: sumOf(awards, (a) => a.funderMoney.lapses),
  },
  matchFunding: {
    receivedInYear: sumOf(awards, (a) => a.matchFunding.receivedInYear),
    receivedToDate: sumOf(awards, (a) => a.matchFunding.receivedToDate),
    spentInYear: sumOf(awards, (a) => a.matchFunding.spentInYear),
    spentToDate: sumOf(awards, (a) => a.matchFunding.spentToDate),
    receiptsInAdvance: sumOf(awards, (a) => a.matchFunding.receiptsInAdvance),
    lapses: sumOf(awards, (a) => a.matchFunding.lapses),
  },
  grantCommitmentsOutstanding: sumOf(awards, (a) => a.grantCommitmentsOutstanding),
});
