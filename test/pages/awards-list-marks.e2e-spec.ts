import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CommandSender } from '../../apps/api/src/commands/command-sender.service';
import { importFixtures, signInOver, startPagesService } from './pages-fixture';

const STALE = /govuk-tag--orange">\s*Certificate 1 stale: (\d+) budget change\(s\) since/;
const MISMATCH = /govuk-tag--orange">\s*1 decision figure\(s\) differ from the ledger/;

/**
 * The warning marks of the awards list: a decision whose totals differ from the ledger, and a
 * certificate a later budget change has made stale, judged as the certificate pages judge it
 * (payments and receipts move money within the budget and leave it current).
 */
describe('the awards list marks', () => {
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  let finance: string;

  const record = (type: 'CertifyBudget' | 'PayDisbursement' | 'CommitGrant', body: object, pathIds: Record<string, string>, actor: { id: string; role: string }) =>
    app.get(CommandSender).send(type, body, { awardId: 'dapi21-cleveland', ...pathIds }, { actor, requestId: 'marks-spec' });

  const list = async (query = ''): Promise<string> => (await request(app.getHttpServer()).get(`/app/awards${query}`).set('Cookie', finance).expect(200)).text;

  beforeAll(async () => {
    service = await startPagesService();
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
    finance = await signInOver(app, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
    // Certified on 2021-08-10, acknowledging the decision's mismatch and the planned shortfall, as the ledger requires.
    await record(
      'CertifyBudget',
      { commandId: 'marks-cert', basis: 'b', regulationsComplied: true, officer: { id: 'cfo', name: 'Chief Finance Officer' }, certifiedOn: '2021-08-10', decisionRef: '2021-7335', acknowledged: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'] },
      {},
      { id: 'cfo', role: 's151-officer' },
    );
  });

  afterAll(async () => service?.close());

  it("marks a decision whose declared totals differ from the ledger's", async () => expect(await list()).toMatch(MISMATCH));

  it('marks no certificate while its budget stands, nor after a payment within it', async () => {
    expect(await list()).not.toMatch(STALE);
    await record('PayDisbursement', { commandId: 'marks-pay', disbursementId: 'marks-pay', amount: '1000.00', paidOn: '2021-11-15', reference: 'INV-1' }, { grantId: 'g-harbour' }, { id: 'clerk', role: 'finance-officer' });
    expect(await list()).not.toMatch(STALE);
  });

  it('marks the certificate stale once a grant is committed after it, with the count of budget changes since', async () => {
    await record(
      'CommitGrant',
      { commandId: 'marks-grant', grantId: 'g-late', grantee: { id: 'late-org', name: 'Late Org' }, amount: '500.00', committedOn: '2021-09-01', purpose: 'Late work' },
      {},
      { id: 'clerk', role: 'finance-officer' },
    );
    expect(STALE.exec(await list())?.[1]).toBe('1');
  });

  it('reads the mark at the point asked for: as of a date before the grant, the certificate still held', async () => {
    const before = await list('?asOf=2021-08-15');
    expect(before).toContain('Figures as of 2021-08-15');
    expect(before).not.toMatch(STALE);
  });
});
