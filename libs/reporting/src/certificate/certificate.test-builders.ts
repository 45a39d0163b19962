import type { RecordedEvent } from '@fundledger/event-store';
import { fixtureRecorder, loadFixtureScript, type FixtureRecorder } from '@fundledger/testing';
import { foldAwardRecord, type AwardRecord } from '../award-record/award-record';

export const NORFOLK = 'norfolk-change-2023';

/** Norfolk 2023 as imported: award, commitment, decision 21/2023 and its certificate. */
export const norfolkRecorder = (): FixtureRecorder => {
  const recorder = fixtureRecorder();
  for (const command of loadFixtureScript('norfolk-2023').commands) recorder.record(command);
  return recorder;
};

export const recordOf = (events: readonly RecordedEvent[], awardId = NORFOLK): AwardRecord => {
  const record = foldAwardRecord(events.filter((event) => event.stream === `award-${awardId}`));
  if (record === undefined) throw new Error(`no award ${awardId} in the events`);
  return record;
};

export const firstPayment = {
  commandId: 'nor23-pay-1',
  type: 'PayDisbursement',
  awardId: NORFOLK,
  grantId: 'g-change-project',
  disbursementId: 'd-2023-04',
  amount: '14139.59',
  paidOn: '2023-08-15',
  reference: 'BACS 0815',
};

export const CLEVELAND = 'dapi21-cleveland';

/** Cleveland 2021 as imported: decision 2021-7335 declares grants £1,000.00 more than committed. */
export const clevelandRecorder = (): FixtureRecorder => {
  const recorder = fixtureRecorder();
  for (const script of ['national-2021', 'cleveland-2021']) {
    for (const command of loadFixtureScript(script).commands) recorder.record(command);
  }
  return recorder;
};

export const certifyCleveland = (acknowledged?: readonly string[]) => ({
  commandId: 'cle21-cert-1',
  type: 'CertifyBudget',
  awardId: CLEVELAND,
  basis: 'b',
  regulationsComplied: true,
  officer: { id: 'opcc-cleveland-cfo', name: 'Chief Finance Officer, OPCC Cleveland' },
  certifiedOn: '2021-08-02',
  decisionRef: '2021-7335',
  ...(acknowledged === undefined ? {} : { acknowledged }),
});

/** The Norfolk commitment varied after certification: a change to the certified budget. */
export const norfolkVariation = {
  commandId: 'nor23-vary-1',
  type: 'VaryGrantCommitment',
  awardId: NORFOLK,
  grantId: 'g-change-project',
  newAmount: '160000.00',
  effectiveOn: '2023-09-01',
  reason: 'Scope reduced',
};
