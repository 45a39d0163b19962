import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { fieldIn, importFixtures, signInOver, startPagesService } from './pages-fixture';

/**
 * Uploading a payments file over HTTP, without a browser: checked and previewed with nothing written,
 * recorded on confirmation exactly as previewed, and the same file again records nothing.
 * payments-upload.browser.e2e-spec.ts walks the same pages in Chromium.
 */
const AWARD = '/app/awards/dapi21-cleveland/payments/upload';
const csv = (...rows: string[]): Buffer => Buffer.from(['date,grant,amount,reference', ...rows].join('\n'));
// Cleveland's grants: Harbour 187,229.00, My Sister's Place 101,388.00, Barefoot Research 7,000.00.
const NOVEMBER = csv('30/11/2021,g-harbour,"£15,602.42",HAR-11', '30/11/2021,g-barefoot,5000.00,BAR-11', '31/12/2021,g-barefoot,2500.00,BAR-12');

describe('uploading payments from the finance system', () => {
  let service: Awaited<ReturnType<typeof startPagesService>>;
  let app: INestApplication;
  let cookie: string;
  const http = () => request(app.getHttpServer());
  const head = () => app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    service = await startPagesService();
    app = service.app;
    await importFixtures(app, 'national-2021.json', 'cleveland-2021.json');
    cookie = await signInOver(app, 'cleveland-finance', 'finance-officer', 'opcc-cleveland');
  });

  afterAll(async () => service?.close());

  const upload = async (file: Buffer, fields: Record<string, string> = {}) => {
    const form = await http().get(AWARD).set('Cookie', cookie).expect(200);
    let post = http().post(AWARD).set('Cookie', cookie).field('csrf', fieldIn(form.text, 'csrf'));
    for (const [name, value] of Object.entries(fields)) post = post.field(name, value);
    return post.attach('file', file, { filename: 'payments.csv', contentType: 'text/csv' });
  };
  /** Sends the preview's confirmation form as the browser would, with any field changed. */
  const confirm = (preview: string, changed: Record<string, string> = {}) => {
    let post = http().post(`${AWARD}/confirm`).set('Cookie', cookie);
    for (const name of ['csrf', 'sha256', 'fileName', 'accepted', 'date', 'grant', 'amount', 'reference', 'fileData']) {
      post = post.field(name, changed[name] ?? fieldIn(preview, name));
    }
    return post;
  };
  const resultsIn = (html: string): string[] => [...html.matchAll(/<strong class="govuk-tag [^"]*">([^<]+)<\/strong>/g)].map((m) => m[1]);

  it('offers a finance officer the upload form, with the column names to change and the size limit', async () => {
    const form = await http().get(AWARD).set('Cookie', cookie).expect(200);

    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(form.text).toContain('A CSV file of at most 1 MB (5,000 payments)');
    expect(form.text).toMatch(/name="amount"[^>]*value="amount"/);
  });

  it('refuses other roles and other organisations, as every form does', async () => {
    await http().get(AWARD).set('Cookie', await signInOver(app, 'sam', 's151-officer', 'opcc-cleveland')).expect(403);
    await http().get(AWARD).set('Cookie', await signInOver(app, 'kent-finance', 'finance-officer', 'opcc-kent')).expect(404);
  });

  it('refuses an upload without the form token, and checks nothing', async () => {
    const answer = await http().post(AWARD).set('Cookie', cookie).field('csrf', 'forged').attach('file', NOVEMBER, 'payments.csv').expect(403);
    expect(answer.text).toContain('This form has expired');
  });

  it("previews each row, accepted or the ledger's refusal with its figures, and writes nothing", async () => {
    const before = await head();

    const preview = await upload(NOVEMBER);

    expect(preview.status).toBe(200);
    expect(resultsIn(preview.text)).toEqual(['Accepted', 'Accepted', 'Refused']);
    expect(preview.text).toContain('paying £2,500.00 to grant g-barefoot would take payments to £7,500.00 against £7,000.00 committed (PAYMENT_EXCEEDS_COMMITMENT)');
    expect(preview.text).toContain('£15,602.42');
    expect(preview.text).toContain('Record 2 payments');
    expect(fieldIn(preview.text, 'accepted')).toBe('2,3');
    expect(await head()).toBe(before);
  });

  it.each([
    ['a file over 1 MB', Buffer.alloc(1024 * 1024 + 1, 'a'), {}, 413, 'The file is larger than 1 MB: split it into smaller files (FILE_TOO_LARGE)', '#file'],
    ['a header without the named column', NOVEMBER, { amount: 'Net' }, 422, 'The header row has no column &quot;Net&quot; (amount); it has &quot;date&quot;, &quot;grant&quot;, &quot;amount&quot;, &quot;reference&quot; (MISSING_COLUMN)', '#amount'],
    ['an empty file', Buffer.alloc(0), {}, 422, 'Choose the payments file (a CSV) to upload', '#file'],
    ['a file that is not CSV text', Buffer.from([0xff, 0xfe, 0x00]), {}, 422, '(NOT_UTF8)', '#file'],
  ])('refuses %s in the error summary and at its field, never a 500', async (_name, file, fields, status, text, href) => {
    const answer = await upload(file, fields);

    expect(answer.status).toBe(status);
    expect(answer.text).toContain(`<a href="${href}">`);
    expect(answer.text).toContain(`id="${href.slice(1)}-error"`);
    expect(answer.text).toContain(text);
  });

  describe('when confirmed', () => {
    let preview: string;
    beforeAll(async () => {
      preview = (await upload(NOVEMBER)).text;
    });

    it('refuses a confirmation whose file is not the one previewed, and records nothing', async () => {
      const before = await head();
      const altered = Buffer.from(Buffer.from(fieldIn(preview, 'fileData'), 'base64').toString().replace('5000.00', '50.00')).toString('base64');

      const answer = await confirm(preview, { fileData: altered }).expect(422);

      expect(answer.text).toContain('is not the file that was previewed');
      expect(await head()).toBe(before);
    });

    it('records the accepted rows and reports the refused one; the same file again records nothing', async () => {
      const before = await head();

      const summary = await confirm(preview).expect(200);

      expect(summary.text).toContain('2 payments recorded');
      expect(summary.text).toContain('0 already recorded, 1 refused');
      expect(resultsIn(summary.text)).toEqual(['Recorded', 'Recorded', 'Refused']);
      expect(await head()).toBe(before + 2n);

      const again = await confirm(preview).expect(200);
      expect(again.text).toContain('0 payments recorded');
      expect(again.text).toContain('2 already recorded, 1 refused');

      const uploadedAgain = await upload(NOVEMBER);
      expect(resultsIn(uploadedAgain.text)).toEqual(['Already recorded', 'Already recorded', 'Refused']);
      expect(uploadedAgain.text).toContain('there is nothing to confirm');
      expect(await head()).toBe(before + 2n);
    });

    it('shows the preview again, recording nothing, when the ledger changed what it would accept since', async () => {
      const stale = (await upload(csv('01/12/2021,g-barefoot,1500.00,BAR-A'))).text;
      const other = (await upload(csv('02/12/2021,g-barefoot,1000.00,BAR-B'))).text;
      await confirm(other).expect(200);
      const before = await head();

      const answer = await confirm(stale).expect(409);

      expect(answer.text).toContain('The ledger has changed since this file was checked: row 2 would now be refused. Nothing was recorded');
      expect(resultsIn(answer.text)).toEqual(['Refused']);
      expect(await head()).toBe(before);
    });
  });
});
