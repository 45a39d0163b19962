import type { ReconciliationSource } from './funded-months.types';
import type { FundedMonthsReport } from './funded-months.report';
import { MONTHS_FUNDED_ROUNDING, presentMonthsFunded } from './months-funded';

/** The wire form: amounts as 2-dp strings, months as YYYY-MM, months funded as 4-dp strings. */
export interface FundedMonthsReportJson {
  awardId: string;
  provision: { start: string; end: string; months: number };
  profile: 'flat' | 'set';
  profileMissingMonths: string[];
  months: Array<{
    month: string;
    cost: string;
    /**
     * contributionId is there whenever the source has one: one organisation may make two
     * contributions, and without it their shares could not be told apart or matched to `sources`.
     */
    shares: Array<{ sourceId: string; contributionId?: string; amount: string }>;
    shortfall: string;
  }>;
  sources: Array<{
    sourceId: string;
    kind: 'award' | 'match';
    contributionId?: string;
    windowStart: string;
    windowEnd: string;
    available: string;
    used: string;
    unused: string;
    lapsed: string;
    monthsFunded: string;
    months: string[];
  }>;
  totals: {
    cost: string;
    funded: string;
    shortfall: string;
    fundedMonths: string;
    /** How sources' monthsFunded are rounded so that they add up (MONTHS_FUNDED_ROUNDING). */
    monthsFundedRounding: string;
    firstShortfallMonth: string | null;
  };
}

const identify = (source: ReconciliationSource): { sourceId: string; contributionId?: string } =>
  source.contributionId === undefined
    ? { sourceId: source.sourceId }
    : { sourceId: source.sourceId, contributionId: source.contributionId };

export const fundedMonthsReportToJson = (report: FundedMonthsReport): FundedMonthsReportJson => {
  const printed = presentMonthsFunded(report.sources.map((s) => s.monthsFunded));
  return {
  awardId: report.awardId,
  provision: { ...report.provision },
  profile: report.profile,
  profileMissingMonths: [...report.profileMissingMonths],
  months: report.months.map(({ month, cost, shares, shortfall }) => ({
    month,
    cost: cost.toString(),
    shares: shares.map(({ source, amount }) => ({ ...identify(source), amount: amount.toString() })),
    shortfall: shortfall.toString(),
  })),
  sources: report.sources.map(({ source, used, unused, lapsed, months }, i) => ({
    sourceId: source.sourceId,
    kind: source.kind,
    ...(source.contributionId === undefined ? {} : { contributionId: source.contributionId }),
    windowStart: source.windowStart,
    windowEnd: source.windowEnd,
    available: source.available.toString(),
    used: used.toString(),
    unused: unused.toString(),
    lapsed: lapsed.toString(),
    monthsFunded: printed[i],
    months: [...months],
  })),
  totals: {
    cost: report.totals.cost.toString(),
    funded: report.totals.funded.toString(),
    shortfall: report.totals.shortfall.toString(),
    fundedMonths: report.totals.fundedMonths.toFixed4(),
    monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
    firstShortfallMonth: report.totals.firstShortfallMonth,
  },
  };
};
