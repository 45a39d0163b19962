import { addMonths, type Month } from '@fundledger/calendar';
import { Money } from '@fundledger/money';
import { reconcileFundedMonths, type FundedMonthsInput, type ReconciliationSource } from '@fundledger/projections';
import type { Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';

const MONTHS = 120;
const MATCH_SOURCES = 50;
const WARM_UP_RUNS = 20;
const RUNS = 200;
const START: Month = '2020-04';

/**
 * The funded-months reconciliation (DESIGN §5) of an award far larger than any published one: ten
 * years of provision with a spend profile and fifty match contributions in overlapping windows. Five
 * contributions share each window end, so every month also exercises the proportional split of a
 * same-end group; the sources fall short of the profile, so shortfalls are computed too.
 */
export const reconciliationScenario: Scenario = {
  name: 'reconciliation',
  title: `reconciliation: ${MONTHS} provision months, ${MATCH_SOURCES} match sources, ${RUNS} runs`,
  async run({ memory }) {
    const input = largeAward();
    for (let i = 0; i < WARM_UP_RUNS; i += 1) reconcileFundedMonths(input);
    const latency = new LatencyRecorder();
    let report = reconcileFundedMonths(input);
    for (let i = 0; i < RUNS; i += 1) {
      report = await latency.time(() => reconcileFundedMonths(input));
      if (i % 20 === 0) memory.sample();
    }
    if (report.months.length !== MONTHS || report.sources.length !== MATCH_SOURCES + 1) {
      throw new Error(`the report covers ${report.months.length} months and ${report.sources.length} sources`);
    }
    return [
      { scenario: this.name, measure: 'report mean', value: latency.meanMs(), unit: 'ms' },
      { scenario: this.name, measure: 'report p99', value: latency.percentileMs(99), unit: 'ms' },
    ];
  },
};

const largeAward = (): FundedMonthsInput => {
  const months = Array.from({ length: MONTHS }, (_, i) => addMonths(START, i));
  const profile: Record<Month, Money> = {};
  months.forEach((month, i) => {
    profile[month] = Money.fromString(`${10000 + (i % 12) * 500}.00`);
  });
  const end = months[MONTHS - 1];
  const award: ReconciliationSource = {
    sourceId: 'home-office',
    kind: 'award',
    windowStart: START,
    windowEnd: end,
    available: Money.fromString('400000.00'),
  };
  const matches = Array.from({ length: MATCH_SOURCES }, (_, i): ReconciliationSource => {
    const group = Math.floor(i / 5);
    return {
      sourceId: `council-${i % 13}`,
      kind: 'match',
      contributionId: `m-${i}`,
      windowStart: addMonths(START, Math.max(0, group * 12 - (i % 5) * 3)),
      windowEnd: addMonths(START, Math.min(MONTHS - 1, group * 12 + 17)),
      available: Money.fromString(`${18000 + i * 100}.00`),
    };
  });
  return {
    awardId: 'bench-large-award',
    provisionStart: START,
    provisionEnd: end,
    profile,
    committedTotal: Money.sum(Object.values(profile)),
    sources: [award, ...matches],
  };
};
