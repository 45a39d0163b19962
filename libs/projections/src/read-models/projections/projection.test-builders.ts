import type { RecordedEvent } from '@fundledger/event-store';
import { fixtureRecorder } from '@fundledger/testing';
import { emptyLedgerView, type LedgerView } from '../../ledger';
import { LedgerBatch } from '../ledger-batch';
import { LEDGER_CHECKPOINT } from '../ledger-rebuild';
import { ReadModelStore } from '../read-model.store';
import { ReportRows } from '../report-rows';
import { REPORT_PROJECTIONS } from './index';

/** What a projection spec reads back: the stored rows, and the ledger folded from the same events. */
export interface Projected {
  readonly rows: ReportRows;
  readonly ledger: LedgerView;
  close(): void;
}

/**
 * Given these events, the rows every projection stores: the events are committed in batches of
 * `batchSizes` (cycled), as the live projection and the rebuild commit them, into an in-memory file.
 */
export const projectedRows = (events: readonly RecordedEvent[], batchSizes: readonly number[] = [events.length || 1]): Projected => {
  const store = ReadModelStore.open(':memory:', 'spec');
  let ledger = emptyLedgerView;
  let at = 0;
  for (let i = 0; at < events.length; i += 1) {
    const batch = new LedgerBatch(ledger, REPORT_PROJECTIONS);
    for (const event of events.slice(at, at + Math.max(1, batchSizes[i % batchSizes.length]))) batch.apply(event);
    at += Math.max(1, batchSizes[i % batchSizes.length]);
    const { views, reports } = batch.rows();
    const last = batch.last as RecordedEvent;
    store.commit(LEDGER_CHECKPOINT, views, { position: last.position, eventId: last.id }, reports);
    ledger = batch.view();
  }
  const last = events.at(-1);
  return { rows: new ReportRows(store, (last?.position ?? -1n).toString(), last?.recordedAt), ledger, close: () => store.close() };
};

/** Commands, decided and recorded as the service would: a command the ledger refuses is a mistake in the spec. */
export const recorded = (...commands: ReadonlyArray<{ readonly type: string; readonly [field: string]: unknown }>): RecordedEvent[] => {
  const recorder = fixtureRecorder();
  commands.forEach((command, n) => recorder.record({ commandId: `spec-${n}`, ...command }));
  return [...recorder.events];
};

const org = (id: string) => ({ id, name: `${id} (name)` });
const ON = '2021-07-01';

export const opened = (programmeId: string, envelope: string) => ({
  type: 'OpenProgramme', programmeId, name: programmeId, funder: org('home-office'), envelope, financialYear: '2021-22', openedOn: ON,
});

export const made = (awardId: string, amount: string, options: { programmeId?: string; recipient?: string } = {}) => ({
  type: 'MakeAward', awardId, ...(options.programmeId === undefined ? {} : { programmeId: options.programmeId }),
  funder: org('home-office'), recipient: org(options.recipient ?? `opcc-${awardId}`), amount, awardedOn: ON,
  window: { start: '2021-08', end: '2022-01' }, decisionRef: `HO-${awardId}`, description: 'spec',
});

export const varied = (awardId: string, newAmount: string) => ({
  type: 'VaryAward', awardId, newAmount, effectiveOn: ON, reason: 'spec', reference: `VAR-${awardId}-${newAmount}`,
});

export const pledged = (awardId: string, contributionId: string, contributor: string, amount: string) => ({
  type: 'PledgeMatchFunding', awardId, contributionId, contributor: org(contributor), amount, pledgedOn: ON,
});

export const committed = (awardId: string, grantId: string, amount: string) => ({
  type: 'CommitGrant', awardId, grantId, grantee: org(`grantee-${grantId}`), amount, committedOn: ON, purpose: 'spec',
});

export const paid = (awardId: string, grantId: string, disbursementId: string, amount: string, paidOn = '2021-09-15') => ({
  type: 'PayDisbursement', awardId, grantId, disbursementId, amount, paidOn, reference: `PAY-${disbursementId}`,
});

export const decided = (awardId: string, decisionRef: string, declared: Record<string, string>) => ({
  type: 'RecordDecision', awardId, decisionRef, decidedOn: '2021-07-31', declared,
});
