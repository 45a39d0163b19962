import { parseFundingCommand } from '@fundledger/funding';
import { fixtureRecorder } from '@fundledger/testing';
import { foldAwardRecord } from './award-record';
import { figuresContextFor, needsFiguresContext } from './decision-context';
import { hashFigures } from './pinned-figures';

const made = fixtureRecorder();
made.record({
  commandId: 'make',
  type: 'MakeAward',
  awardId: 'a-1',
  funder: { id: 'home-office', name: 'Home Office' },
  recipient: { id: 'opcc', name: 'OPCC' },
  amount: '1200.00',
  awardedOn: '2021-09-01',
  window: { start: '2021-10', end: '2022-09' },
  decisionRef: 'HO-1',
  description: 'Interventions',
});
const record = foldAwardRecord(made.events)!;

const certify = parseFundingCommand('CertifyBudget', {
  awardId: 'a-1',
  basis: 'a',
  regulationsComplied: true,
  officer: { id: 'cfo', name: 'CFO' },
  certifiedOn: '2021-09-02',
  decisionRef: 'D-1',
});
const submit = parseFundingCommand('SubmitReturn', { awardId: 'a-1', financialYear: '2021-22', quarter: 3, submittedOn: '2022-01-05' });

describe('the figures a decision pins', () => {
  it('are those of the award at the revision read, for a certificate', () => {
    const { certification } = figuresContextFor(certify, record);
    expect(certification).toMatchObject({ atRevision: 0, figures: expect.objectContaining({ awardAmount: '1200.00' }) });
    expect(certification!.figuresHash).toBe(hashFigures(certification!.figures as never));
  });

  it('are the quarter’s return, for a submission', () => {
    const context = figuresContextFor(submit, record);
    expect(context.returnFigures!.figures).toMatchObject({ financialYear: '2021-22', quarter: 3 });
  });

  it('are none for other commands, or for an award never made', () => {
    const pay = parseFundingCommand('ReverseDisbursement', { awardId: 'a-1', disbursementId: 'd', reversedOn: '2022-01-05', reason: 'x' });
    expect(needsFiguresContext(pay)).toBe(false);
    expect(figuresContextFor(pay, record)).toEqual({});
    expect(figuresContextFor(certify, undefined)).toEqual({});
  });

  it('need an award stream with at least one event', () => expect(foldAwardRecord([])).toBeUndefined());
});
