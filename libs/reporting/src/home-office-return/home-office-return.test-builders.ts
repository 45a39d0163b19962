import { fixtureRecorder, type FixtureCommand, type FixtureRecorder } from '@fundledger/testing';

export const AWARD = 'ho-quarters';

const command = (commandId: string, type: string, fields: Record<string, unknown>): FixtureCommand => ({
  commandId,
  type,
  awardId: AWARD,
  ...fields,
});

const pay = (n: number, amount: string, paidOn: string): FixtureCommand =>
  command(`pay-${n}`, 'PayDisbursement', {
    grantId: 'g-1',
    disbursementId: `d-${n}`,
    amount,
    paidOn,
    reference: `BACS ${n}`,
  });

/**
 * A Home Office award of £12,000 for 2021-10 to 2022-03, a council's £3,000 that extends provision to
 * 2022-06, a profile of £2,000 a month in the window and £1,000 after, and payments across four
 * quarters, one of them reversed:
 *
 *   Q3 2021-22: 15 Oct 1,800; 15 Nov 2,100; 15 Dec 2,000; 20 Dec 500 (reversed)
 *   Q4 2021-22: 15 Jan 4,500; 15 Feb 1,900
 *   Q1 2022-23: 10 Apr 900
 *
 * and the council's money received on 20 Nov (1,500) and 10 Feb (1,000).
 */
export const quartersScript: readonly FixtureCommand[] = [
  command('make', 'MakeAward', {
    funder: { id: 'home-office', name: 'Home Office' },
    recipient: { id: 'opcc-x', name: 'OPCC X' },
    amount: '12000.00',
    awardedOn: '2021-09-01',
    window: { start: '2021-10', end: '2022-03' },
    decisionRef: 'HO-2021',
    description: 'Perpetrator interventions',
  }),
  command('pledge', 'PledgeMatchFunding', {
    contributionId: 'm-council',
    contributor: { id: 'council-a', name: 'Council A' },
    amount: '3000.00',
    pledgedOn: '2021-09-01',
  }),
  command('extend', 'ExtendProvision', {
    newEnd: '2022-06',
    decidedOn: '2021-09-01',
    reason: 'Council match funding',
    fundedBy: ['m-council'],
  }),
  command('profile', 'SetSpendProfile', {
    setOn: '2021-09-01',
    months: {
      '2021-10': '2000.00',
      '2021-11': '2000.00',
      '2021-12': '2000.00',
      '2022-01': '2000.00',
      '2022-02': '2000.00',
      '2022-03': '2000.00',
      '2022-04': '1000.00',
      '2022-05': '1000.00',
      '2022-06': '1000.00',
    },
  }),
  command('commit', 'CommitGrant', {
    grantId: 'g-1',
    grantee: { id: 'grantee-1', name: 'Grantee One' },
    amount: '15000.00',
    committedOn: '2021-09-01',
    purpose: 'Delivery',
  }),
  pay(1, '1800.00', '2021-10-15'),
  pay(2, '2100.00', '2021-11-15'),
  command('receive-1', 'ReceiveMatchFunding', { contributionId: 'm-council', amount: '1500.00', receivedOn: '2021-11-20' }),
  pay(3, '2000.00', '2021-12-15'),
  pay(4, '500.00', '2021-12-20'),
  command('reverse-4', 'ReverseDisbursement', { disbursementId: 'd-4', reversedOn: '2021-12-21', reason: 'Duplicate invoice' }),
  pay(5, '4500.00', '2022-01-15'),
  command('receive-2', 'ReceiveMatchFunding', { contributionId: 'm-council', amount: '1000.00', receivedOn: '2022-02-10' }),
  pay(6, '1900.00', '2022-02-15'),
  pay(7, '900.00', '2022-04-10'),
];

export const quartersRecorder = (script: readonly FixtureCommand[] = quartersScript): FixtureRecorder => {
  const recorder = fixtureRecorder();
  for (const entry of script) recorder.record(entry);
  return recorder;
};
