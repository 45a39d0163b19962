import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { CommandSender } from '../../apps/api/src/commands/command-sender.service';
import { fieldIn, importFixtures, signInOver, startPagesService } from './pages-fixture';

/** The error summary of a page: its title and every error listed. */
const errorSummaryOf = (html: string): string => {
  const start = html.indexOf('class="govuk-error-summary"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</ul>', start));
};

/**
 * The audit pages: verifying the log against a signed checkpoint the auditor kept (pasted or
 * uploaded), through the same LogAuditor as `fundledger verify --checkpoint`; and the lineage of a
 * figure, through the same figureLineage as the API and the CLI.
 */
describe('the audit pages', () => {
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  let auditor: string;
  let csrf: string;
  /** Signed before the payment below was recorded: the log must still begin with it. */
  let kept: string;
  const http = () => request(app.getHttpServer());

  const verify = (fields: Record<string, string>, cookie = auditor) => http().post('/app/audit').set('Cookie', cookie).type('form').send(fields);

  beforeAll(async () => {
    service = await startPagesService();
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
    auditor = await signInOver(app, 'external-auditor', 'auditor', '*');
    csrf = fieldIn((await http().get('/app/audit').set('Cookie', auditor).expect(200)).text, 'csrf');
    const download = await http().post('/app/audit/checkpoint').set('Cookie', auditor).type('form').send({ csrf }).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="fundledger-checkpoint-\d+\.json"$/);
    kept = download.text;
    await app.get(CommandSender).send(
      'PayDisbursement',
      { commandId: 'audit-pay', disbursementId: 'audit-pay', amount: '100.00', paidOn: '2021-11-15', reference: 'INV-A' },
      { awardId: 'dapi21-cleveland', grantId: 'g-harbour' },
      { actor: { id: 'clerk', role: 'finance-officer' }, requestId: 'audit-spec' },
    );
  });

  afterAll(async () => service?.close());

  describe('verifying against a checkpoint', () => {
    it('checks every chain when no checkpoint is given', async () => {
      const page = await verify({ csrf }).expect(200);
      expect(page.text).toMatch(/govuk-panel__title">\s*Every hash chain holds/);
      expect(page.text).not.toContain('Against your checkpoint');
    });

    it('proves the log still begins with a pasted checkpoint, signed by the service’s key', async () => {
      const page = await verify({ csrf, checkpoint: kept }).expect(200);
      expect(page.text).toMatch(/govuk-panel__title">\s*The log still begins with your checkpoint/);
      expect(page.text).toContain(JSON.parse(kept).rootHash);
      expect(page.text).toMatch(/Yes, by a consistency proof of \d+ hashes/);
    });

    it('takes the checkpoint as an uploaded file too', async () => {
      const page = await http()
        .post('/app/audit')
        .set('Cookie', auditor)
        .field('csrf', csrf)
        .attach('checkpointFile', Buffer.from(kept), { filename: 'kept.json', contentType: 'application/json' })
        .expect(200);
      expect(page.text).toMatch(/govuk-panel__title">\s*The log still begins with your checkpoint/);
    });

    it('says a checkpoint whose figures were altered is not the service’s: its signature does not hold', async () => {
      const altered = JSON.stringify({ ...JSON.parse(kept), treeSize: String(Number(JSON.parse(kept).treeSize) - 1) });
      const page = await verify({ csrf, checkpoint: altered }).expect(200);
      expect(errorSummaryOf(page.text)).toContain('The checkpoint&#39;s signature does not hold');
      expect(errorSummaryOf(page.text)).toContain('CHECKPOINT_SIGNATURE_INVALID');
      expect(page.text).not.toContain('govuk-panel');
    });

    it.each([
      ['not JSON', '{ treeSize: 3', 'the checkpoint is not JSON'],
      ['a JSON object missing fields', '{"treeSize":"3"}', 'not a checkpoint: rootHash must be 64 lower-case hex digits'],
    ])('refuses %s with CHECKPOINT_INVALID, linked to the pasted text', async (_what, pasted, says) => {
      const page = await verify({ csrf, checkpoint: pasted }).expect(400);
      const summary = errorSummaryOf(page.text);
      expect(summary).toContain(says);
      expect(summary).toContain('(CHECKPOINT_INVALID)');
      expect(summary).toContain('href="#checkpoint"');
    });

    it('refuses a file far larger than a checkpoint, linked to the upload', async () => {
      const page = await http()
        .post('/app/audit')
        .set('Cookie', auditor)
        .field('csrf', csrf)
        .attach('checkpointFile', Buffer.alloc(20_000, 'x'), { filename: 'big.json', contentType: 'application/json' })
        .expect(400);
      expect(errorSummaryOf(page.text)).toContain('href="#checkpointFile"');
    });

    it('is the auditor’s alone, and needs the session’s CSRF token', async () => {
      const finance = await signInOver(app, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
      await verify({ csrf, checkpoint: kept }, finance).expect(403);
      await http().post('/app/audit/checkpoint').set('Cookie', finance).type('form').send({ csrf }).expect(403);
      await verify({ checkpoint: kept }).expect(403);
      await http().post('/app/audit/checkpoint').set('Cookie', auditor).type('form').send({}).expect(403);
    });
  });

  describe('the lineage of a figure', () => {
    let finance: string;
    const lineage = (query: string, cookie = finance) => http().get(`/app/audit/lineage${query}`).set('Cookie', cookie);

    beforeAll(async () => {
      finance = await signInOver(app, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
    });

    it('lists every event that made the figure, with its business date and who recorded it, adding up to the figure', async () => {
      const page = await lineage('?awardId=dapi21-cleveland&figure=available-funding').expect(200);
      expect(page.text).toContain('Available funding of award dapi21-cleveland: £298,241.66');
      const rows = page.text.split('id="lineage-table"')[1].split('</table>')[0].match(/<tr class="govuk-table__row"><td/g);
      expect(rows).toHaveLength(7);
      expect(page.text).toMatch(/AwardVaried<\/th>\s*<td class="govuk-table__cell">2021-07-31<\/td>[\s\S]*?fixture-import \(finance-officer\)<\/td>\s*<td[^>]*>−£208.67<\/td>/);
      expect(page.text).toContain('available funding £298,241.66 = £200,333.33 AwardMade');
    });

    it('reads the figure at the point asked for', async () => {
      const page = await lineage('?awardId=dapi21-cleveland&figure=available-funding&asOf=2021-07-15').expect(200);
      expect(page.text).toContain('Available funding of award dapi21-cleveland: £200,333.33');
      expect(page.text).toContain('Figures as of 2021-07-15');
    });

    it('offers only the awards of one’s own organisations, and answers another’s as never made', async () => {
      const form = await lineage('').expect(200);
      expect(form.text).toContain('<option value="dapi21-cleveland"');
      expect(form.text).not.toContain('<option value="dapi21-kent"');
      const kent = await lineage('?awardId=dapi21-kent&figure=paid').expect(404);
      expect(errorSummaryOf(kent.text)).toContain('(AWARD_NOT_FOUND)');
      expect(errorSummaryOf(kent.text)).toContain('href="#awardId"');
    });

    it('names the figures there are when asked for another', async () => {
      const page = await lineage('?awardId=dapi21-cleveland&figure=profit').expect(404);
      expect(errorSummaryOf(page.text)).toContain('no figure profit; one of award-amount');
      expect(errorSummaryOf(page.text)).toContain('href="#figure"');
    });

    it('is linked from each figure of the award page’s position', async () => {
      const award = await http().get('/app/awards/dapi21-cleveland').set('Cookie', finance).expect(200);
      for (const figure of ['award-amount', 'match-net', 'match-received', 'available-funding', 'committed', 'paid', 'uncommitted-headroom']) {
        expect(award.text).toContain(`href="/app/audit/lineage?awardId=dapi21-cleveland&amp;figure=${figure}#lineage"`);
      }
    });
  });
});
