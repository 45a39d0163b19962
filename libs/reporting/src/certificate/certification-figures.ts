import type { JsonObject, JsonValue } from '@fundledger/event-store';
import { awardPositionReport, fundedMonthsFor, type AwardView } from '@fundledger/projections';
import { Money } from '@fundledger/money';

/**
 * The figures a budget certificate pins: the award's position and the totals of its funded-months
 * reconciliation (DESIGN §5), as they stand at the revision certified. All money is a fixed 2-dp string,
 * months are 'YYYY-MM', fundedMonths a 4-dp string.
 *
 * The set is part of every certificate ever issued, whose freshness is judged by comparing against it:
 * add a figure if one is missing, never rename or redefine one.
 *
 * | figure                 | meaning                                                             |
 * |------------------------|---------------------------------------------------------------------|
 * | status                 | open or closed                                                      |
 * | awardAmount            | the funder's award, after variations                                |
 * | windowStart, windowEnd | the funder's eligibility window                                     |
 * | provisionEnd           | the window end or the latest provision extension                    |
 * | matchFundingPledged    | pledged, gross                                                      |
 * | matchFundingWithdrawn  | withdrawn                                                           |
 * | matchFundingNet        | pledged − withdrawn: what the rules count as available              |
 * | matchFundingReceived   | received                                                            |
 * | availableFunding       | award + net match funding (DESIGN §4)                               |
 * | committed              | Σ grant commitments                                                 |
 * | paid                   | Σ disbursements, net of reversals                                   |
 * | unpaidCommitments      | committed − paid                                                    |
 * | uncommittedHeadroom    | available − committed                                               |
 * | spendProfile           | 'set', or 'flat' when the committed total is spread evenly          |
 * | plannedCost            | Σ monthly costs over the provision period                           |
 * | plannedFunded          | the part of it the sources meet                                     |
 * | plannedShortfall       | the part no source meets                                            |
 * | fundedMonths           | provision months funded, exact to 4 dp                              |
 * | firstShortfallMonth    | the first month with a shortfall, or null                           |
 * | lapsing                | money unused when its window ends: returnable                       |
 * | underspendReturned     | on closure, what was returned to the funder; null while open        |
 * | grants.<id>            | { committed, paid } of each grant                                   |
 * | contributions.<id>     | { net, received } of each match contribution                        |
 */
export const certificationFigures = (view: AwardView): JsonObject => {
  const position = awardPositionReport(view);
  const reconciliation = fundedMonthsFor(view);
  const { totals } = reconciliation;
  return {
    status: position.status,
    awardAmount: position.awarded.current,
    windowStart: position.window.start,
    windowEnd: position.window.end,
    provisionEnd: position.provision.end,
    matchFundingPledged: position.matchFunding.pledged,
    matchFundingWithdrawn: position.matchFunding.withdrawn,
    matchFundingNet: position.matchFunding.net,
    matchFundingReceived: position.matchFunding.received,
    availableFunding: position.availableFunding,
    committed: position.committed,
    paid: position.paid,
    unpaidCommitments: position.unpaidCommitments,
    uncommittedHeadroom: position.uncommittedHeadroom,
    spendProfile: reconciliation.profile,
    plannedCost: totals.cost.toString(),
    plannedFunded: totals.funded.toString(),
    plannedShortfall: totals.shortfall.toString(),
    fundedMonths: totals.fundedMonths.toFixed4(),
    firstShortfallMonth: totals.firstShortfallMonth,
    lapsing: Money.sum(reconciliation.sources.map((source) => source.lapsed)).toString(),
    underspendReturned: position.closure?.underspendReturned ?? null,
    grants: Object.fromEntries(position.grants.map((g) => [g.grantId, { committed: g.committed, paid: g.paid }])),
    contributions: Object.fromEntries(
      position.matchFunding.contributors.map((c) => [
        c.contributionId,
        { net: Money.fromString(c.pledged).minus(Money.fromString(c.withdrawn)).toString(), received: c.received },
      ]),
    ),
  };
};

const LABELS: Readonly<Record<string, string>> = {
  status: 'Status',
  awardAmount: 'Award amount',
  windowStart: 'Eligibility window from',
  windowEnd: 'Eligibility window to',
  provisionEnd: 'Provision to',
  matchFundingPledged: 'Match funding pledged',
  matchFundingWithdrawn: 'Match funding withdrawn',
  matchFundingNet: 'Match funding (pledged less withdrawn)',
  matchFundingReceived: 'Match funding received',
  availableFunding: 'Available funding',
  committed: 'Committed to grants',
  paid: 'Paid (net of reversals)',
  unpaidCommitments: 'Committed, not yet paid',
  uncommittedHeadroom: 'Uncommitted headroom',
  spendProfile: 'Spend profile',
  plannedCost: 'Planned cost of provision',
  plannedFunded: 'Planned cost met',
  plannedShortfall: 'Planned shortfall',
  fundedMonths: 'Months funded',
  firstShortfallMonth: 'First month with a shortfall',
  lapsing: 'Unused when its window ends (returnable)',
  underspendReturned: 'Underspend returned',
};

const PART_LABELS: Readonly<Record<string, string>> = {
  committed: 'committed',
  paid: 'paid',
  net: 'pledged less withdrawn',
  received: 'received',
};

/** One figure, by its path in the figures object (e.g. ['grants', 'g-1', 'paid']). */
export interface FlatFigure {
  readonly figure: string;
  readonly label: string;
  readonly value: JsonValue;
}

const labelOf = (path: readonly string[]): string => {
  if (path.length === 1) return LABELS[path[0]] ?? path[0];
  const [group, id, ...rest] = path;
  const what = rest.map((part) => PART_LABELS[part] ?? part).join(' ');
  if (group === 'grants') return `Grant ${id}: ${what}`;
  if (group === 'contributions') return `Match contribution ${id}: ${what}`;
  return path.join(' ');
};

const isObject = (value: JsonValue): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf figure in order, with a label for people; nested groups become dotted names. */
export const flattenFigures = (figures: JsonObject, parent: readonly string[] = []): FlatFigure[] =>
  Object.entries(figures).flatMap(([name, value]) => {
    const path = [...parent, name];
    return isObject(value) ? flattenFigures(value, path) : [{ figure: path.join('.'), label: labelOf(path), value }];
  });

const MONEY = /^-?\d+\.\d{2}$/;

/** en-GB for people: money as "£169,675.00", everything else as recorded; null as a dash. */
export const formatFigure = (value: JsonValue): string => {
  if (value === null) return '—';
  if (typeof value === 'string' && MONEY.test(value)) return Money.fromString(value).format();
  return typeof value === 'string' ? value : JSON.stringify(value);
};
