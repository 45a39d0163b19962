import { awardDeciderForSpecs, TODAY } from '../funding.test-builders';
import { deciderSpecification } from '@fundledger/testing';
import { isProgrammeCommand, parseFundingCommand } from '../funding-command.parse';
import { decideProgramme } from '../programme/programme.decide';
import { evolveProgramme, initialProgrammeState, type ProgrammeState } from '../programme/programme.state';
import { decideAward } from './award.decide';
import type { AwardEvent } from './award.events';
import { availableFunding, committedTotal, matchFundingTotal, provisionEnd, provisionMonths } from './award.figures';
import { evolveAward, initialAwardState, type Award, type AwardState } from './award.state';

/**
 * The published Cleveland figures, as the entries of fixtures/national-2021.json and cleveland-2021.json
 * (without their commandIds), read from raw bodies as the CLI import will: 200,124.66 from the Home Office
 * + 38,117 + 4 × 15,000 match funding = 298,241.66 available; grants 187,229 + 101,388 + 7,000 = 295,617
 * fit, one more 7,000 (302,617) does not.
 */
const AWARD = 'dapi21-cleveland';
const homeOffice = { id: 'home-office', name: 'Home Office' };
const opcc = { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' };

const pledge = (contributionId: string, id: string, name: string, amount: string) => ({
  type: 'PledgeMatchFunding',
  awardId: AWARD,
  contributionId,
  contributor: { id, name },
  amount,
  pledgedOn: '2021-07-31',
  reference: 'Decision 2021-7335',
});

const grant = (grantId: string, id: string, name: string, amount: string, purpose: string) => ({
  type: 'CommitGrant' as const,
  awardId: AWARD,
  grantId,
  grantee: { id, name },
  amount,
  committedOn: '2021-07-31',
  purpose,
});

const script: ReadonlyArray<{ type: string } & Record<string, unknown>> = [
  {
    type: 'OpenProgramme',
    programmeId: 'dapi-2021',
    name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
    funder: homeOffice,
    envelope: '11300000.00',
    financialYear: '2021-22',
    openedOn: '2021-07-01',
  },
  {
    type: 'MakeAward',
    awardId: AWARD,
    programmeId: 'dapi-2021',
    funder: homeOffice,
    recipient: opcc,
    amount: '200333.33',
    awardedOn: '2021-07-01',
    window: { start: '2021-10', end: '2022-05' },
    decisionRef: 'HO-DAPI-2021',
    description: 'Domestic abuse perpetrator interventions (1 bid)',
  },
  {
    type: 'VaryAward',
    awardId: AWARD,
    newAmount: '200124.66',
    effectiveOn: '2021-07-31',
    reason: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)',
    reference: 'Decision 2021-7335',
  },
  pledge('m-opcc', opcc.id, opcc.name, '38117.00'),
  pledge('m-hartlepool', 'hartlepool-council', 'Hartlepool Borough Council', '15000.00'),
  pledge('m-stockton', 'stockton-council', 'Stockton-on-Tees Borough Council', '15000.00'),
  pledge('m-redcar', 'redcar-council', 'Redcar and Cleveland Borough Council', '15000.00'),
  pledge('m-middlesbrough', 'middlesbrough-council', 'Middlesbrough Council', '15000.00'),
  {
    type: 'ExtendProvision',
    awardId: AWARD,
    newEnd: '2022-10',
    decidedOn: '2021-07-31',
    reason: 'Match funding enables an additional five months of provision to the end of October 2022',
    fundedBy: ['m-opcc', 'm-hartlepool', 'm-stockton', 'm-redcar', 'm-middlesbrough'],
  },
  grant('g-harbour', 'harbour', 'Harbour', '187229.00', 'Team around the Couple delivery'),
  grant('g-msp', 'my-sisters-place', "My Sister's Place", '101388.00', 'Team around the Couple delivery'),
  grant('g-barefoot', 'barefoot-research', 'Barefoot Social Research', '7000.00', 'Independent evaluation'),
  {
    type: 'RecordDecision',
    awardId: AWARD,
    decisionRef: '2021-7335',
    decidedOn: '2021-07-31',
    declared: { awardAmount: '200124.66', grantsTotal: '296617.00' },
  },
];

const importScript = () => {
  let programme: ProgrammeState = initialProgrammeState;
  let award: AwardState = initialAwardState;
  const awardEvents: AwardEvent[] = [];
  for (const { type, ...body } of script) {
    const command = parseFundingCommand(type, body);
    if (isProgrammeCommand(command)) {
      programme = decideProgramme(programme, command, { today: TODAY }).reduce(evolveProgramme, programme);
    } else {
      const events = decideAward(award, command, { today: TODAY, programme });
      award = events.reduce(evolveAward, award);
      awardEvents.push(...events);
    }
  }
  return { awardEvents, award: award as Award };
};

const spec = deciderSpecification(awardDeciderForSpecs);

describe('Cleveland 2021, from the published decision', () => {
  const { awardEvents, award } = importScript();

  it('records one event per award command', () => expect(awardEvents).toHaveLength(script.length - 1));

  it('holds the published figures', () => {
    expect(award.amount.toString()).toBe('200124.66');
    expect(matchFundingTotal(award).toString()).toBe('98117.00');
    expect(availableFunding(award).toString()).toBe('298241.66');
    expect(committedTotal(award).toString()).toBe('295617.00');
    expect(provisionEnd(award)).toBe('2022-10');
    expect(provisionMonths(award)).toHaveLength(13);
  });

  it('keeps the declared grants total as published, though the lines sum to 295,617', () =>
    expect(awardEvents[awardEvents.length - 1]).toMatchObject({
      type: 'DecisionRecorded',
      data: { declared: { awardAmount: '200124.66', grantsTotal: '296617.00' } },
    }));

  it('refuses one more £7,000.00 grant, with the figures', () => {
    const { type, ...body } = grant('g-extra', 'barefoot-research', 'Barefoot Social Research', '7000.00', 'More');
    spec
      .given(awardEvents)
      .when(parseFundingCommand(type, body))
      .thenThrows(
        'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
        'committing £7,000.00 would take commitments to £302,617.00 against £298,241.66 available',
      );
  });

  it('commits the £2,624.66 still uncommitted, to the penny', () => {
    const { type, ...body } = grant('g-rest', 'harbour', 'Harbour', '2624.66', 'Remaining funding');
    spec
      .given(awardEvents)
      .when(parseFundingCommand(type, body))
      .then([{ type: 'GrantCommitted', data: { ...body, awardId: AWARD } } as AwardEvent]);
  });
});
