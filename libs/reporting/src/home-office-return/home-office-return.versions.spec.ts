import { foldAwardRecord, type AwardRecord } from '../award-record/award-record';
import { hashFigures } from '../award-record/pinned-figures';
import { homeOfficeReturnToJson, readReturn } from './home-office-return.versions';
import { AWARD, quartersRecorder, quartersScript } from './home-office-return.test-builders';

const submitQ3 = (commandId: string, fields: Record<string, unknown> = {}) => ({
  commandId,
  type: 'SubmitReturn',
  awardId: AWARD,
  financialYear: '2021-22',
  quarter: 3,
  ...fields,
});

/** Q3 submitted; the 15 December payment found to be 50.00 too much, reversed and paid again; Q3 resubmitted. */
const corrected = (): AwardRecord => {
  const recorder = quartersRecorder([
    ...quartersScript,
    submitQ3('submit-q3', { submittedOn: '2022-01-14' }),
    {
      commandId: 'reverse-3',
      type: 'ReverseDisbursement',
      awardId: AWARD,
      disbursementId: 'd-3',
      reversedOn: '2022-01-20',
      reason: 'Invoice overstated',
    },
    {
      commandId: 'pay-8',
      type: 'PayDisbursement',
      awardId: AWARD,
      grantId: 'g-1',
      disbursementId: 'd-8',
      amount: '1950.00',
      paidOn: '2021-12-15',
      reference: 'BACS 8',
    },
    submitQ3('resubmit-q3', { submittedOn: '2022-01-25', reason: 'December invoice corrected', varianceReasons: { '2021-10': 'Late start' } }),
  ]);
  return foldAwardRecord(recorder.events.filter((e) => e.stream === `award-${AWARD}`))!;
};

describe('submitted Home Office returns', () => {
  const record = corrected();

  it('answers the latest submission of the quarter, listing every version', () => {
    const latest = readReturn(record, '2021-22', 3)!;
    expect(latest).toMatchObject({ status: 'submitted', version: 2, reason: 'December invoice corrected', figuresHashVerified: true });
    expect(latest.versions.map(({ version, submittedOn }) => ({ version, submittedOn }))).toEqual([
      { version: 1, submittedOn: '2022-01-14' },
      { version: 2, submittedOn: '2022-01-25' },
    ]);
    expect(latest.report.spend.quarter.total).toBe('5850.00');
    expect(latest.report.variance.months[0].varianceReason).toBe('Late start');
  });

  it('keeps the first version readable, with the figures as first submitted', () => {
    const first = readReturn(record, '2021-22', 3, { version: 1 })!;
    expect(first).toMatchObject({ status: 'submitted', version: 1, reason: null, submittedOn: '2022-01-14', figuresHashVerified: true });
    expect(first.report.spend.quarter.total).toBe('5900.00');
    expect(first.figuresHash).toBe(hashFigures(homeOfficeReturnToJson(first.report)));
    expect(first.figuresHash).not.toBe(readReturn(record, '2021-22', 3, { version: 2 })!.figuresHash);
  });

  it('has no version that was never submitted', () => expect(readReturn(record, '2021-22', 3, { version: 3 })).toBeUndefined());

  it('answers a quarter never submitted with the live draft figures', () => {
    const draft = readReturn(record, '2021-22', 4)!;
    expect(draft).toMatchObject({ status: 'draft', version: null, versions: [] });
    expect(draft.report.spend.toDate.total).toBe('12250.00');
  });

  it('answers the live draft of a submitted quarter when asked for it', () =>
    expect(readReturn(record, '2021-22', 3, { draft: true })).toMatchObject({ status: 'draft', versions: [{ version: 1 }, { version: 2 }] }));
});

describe('variance reasons across versions', () => {
  const reasonsOf = (record: AwardRecord, version: number) =>
    Object.fromEntries(readReturn(record, '2021-22', 3, { version })!.report.variance.months.map((m) => [m.month, m.varianceReason]));
  const recorder = quartersRecorder([
    ...quartersScript,
    submitQ3('v1', { submittedOn: '2022-01-14', varianceReasons: { '2021-10': 'Late start', '2021-12': 'Duplicate invoice reversed' } }),
    submitQ3('v2', { submittedOn: '2022-01-20', reason: 'Corrected narrative', varianceReasons: { '2021-12': 'Duplicate invoice found and reversed' } }),
  ]);
  const record = foldAwardRecord(recorder.events.filter((e) => e.stream === `award-${AWARD}`))!;

  it('carry forward to the next version, each replaced only by a new reason for its month', () => {
    expect(reasonsOf(record, 1)).toEqual({ '2021-10': 'Late start', '2021-11': null, '2021-12': 'Duplicate invoice reversed' });
    expect(reasonsOf(record, 2)).toEqual({
      '2021-10': 'Late start',
      '2021-11': null,
      '2021-12': 'Duplicate invoice found and reversed',
    });
  });

  it('name who submitted each version', () =>
    expect(readReturn(record, '2021-22', 3)!.versions.map((v) => [v.version, v.submittedBy])).toEqual([
      [1, { id: 'fixture-import', role: 'finance-officer' }],
      [2, { id: 'fixture-import', role: 'finance-officer' }],
    ]));
});
