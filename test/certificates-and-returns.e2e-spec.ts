import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService, type Role } from '@fundledger/access';
import { fixturePath, loadFixtureScript } from '@fundledger/testing';
import type { INestApplication } from '@nestjs/common';
import { Workbook, type CellFormulaValue, type Worksheet } from 'exceljs';
import pdfParse from 'pdf-parse';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { runBuiltCli, type CliRun } from './built-cli';
import { configHomeIn, localTokensIn } from './local-tokens';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NORFOLK = 'norfolk-change-2023';
const AWARD = 'ho-quarters';

/** Reads a response body as bytes, whatever its type (supertest parses only text and JSON by default). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  // superagent hands a parser the raw response stream, whatever its declared type says.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * A PDF's text. pdf-parse's bundled pdf.js 1.10 now and then refuses a document with "bad XRef entry"
 * and reads the same bytes on a second try (the first parse of a process fails most often; pdftoppm
 * reads them every time), so a refusal is retried once before it counts.
 */
const pdfText = async (bytes: Buffer): Promise<string> => {
  try {
    return (await pdfParse(bytes)).text;
  } catch {
    return (await pdfParse(bytes)).text;
  }
};

const sheetOf = async (bytes: Buffer): Promise<Worksheet> => {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
};

/** The cached result of the total in column `column` of the row labelled `label` (exceljs reads a cached 0 as none). */
const totalIn = (sheet: Worksheet, label: string, column: 'B' | 'C'): { formula?: string; result: number } => {
  let found: CellFormulaValue | undefined;
  sheet.eachRow((row) => {
    if (found === undefined && row.getCell(1).value === label) found = row.getCell(column === 'B' ? 2 : 3).value as CellFormulaValue;
  });
  if (found === undefined) throw new Error(`no row labelled ${label}`);
  return { formula: found.formula, result: (found.result ?? 0) as number };
};

/** The recipients this spec records for: Norfolk's PCC (the fixture) and a made-up one. */
const RECIPIENTS = ['opcc-norfolk', 'opcc-x'];

const organisation = (id: string) => ({ id, name: id === 'home-office' ? 'Home Office' : id });

describe('certificates and returns (HTTP and the built CLI)', () => {
  let directory: string;
  let app: INestApplication;
  let tokens: AccessTokenService;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-certificates-e2e-'));
    app = await createApp(
      loadApiConfig({ FUNDLEDGER_DB: join(directory, 'ledger.sqlite'), XDG_CONFIG_HOME: configHomeIn(directory), LOG_LEVEL: 'silent' }),
    );
    await app.init();
    tokens = localTokensIn(directory);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  // The recipient's officers for commands; the auditor of the whole ledger for reads.
  const bearer = (role: Role): string =>
    `Bearer ${tokens.issue({ id: `e2e-${role}`, role, orgs: role === 'auditor' ? ['*'] : RECIPIENTS })}`;
  const post = (role: Role, path: string, body: object) =>
    request(app.getHttpServer()).post(path).set('Authorization', bearer(role)).send(body);
  const get = (path: string) => request(app.getHttpServer()).get(path).set('Authorization', bearer('auditor'));

  /** Posts a fixture entry to its route, as a client replaying the published decision would. */
  const norfolkRoute = (type: string): [Role, string] => {
    const routes: Record<string, [Role, string]> = {
      MakeAward: ['finance-officer', '/awards'],
      CommitGrant: ['finance-officer', `/awards/${NORFOLK}/grants`],
      RecordDecision: ['finance-officer', `/awards/${NORFOLK}/decisions`],
      CertifyBudget: ['s151-officer', `/awards/${NORFOLK}/certificates`],
    };
    return routes[type];
  };

  describe('Norfolk 2023 over HTTP', () => {
    beforeAll(async () => {
      for (const { type, ...body } of loadFixtureScript('norfolk-2023').commands) {
        const [role, path] = norfolkRoute(type);
        const response = await post(role, path, body);
        expect([response.status, type]).toEqual([201, type]);
      }
    });

    it('is recorded completely, the certificate by the Section 151 officer, and reads current', async () => {
      const response = await get(`/awards/${NORFOLK}/certificates/1`).expect(200);
      expect(response.body).toMatchObject({
        awardId: NORFOLK,
        index: 1,
        decisionRef: '21/2023',
        basis: 'b',
        basisText: 'The costs of this decision can be met from existing revenue or capital budgets.',
        regulationsComplied: true,
        officer: { id: 'opccn-cfo' },
        certifiedOn: '2023-07-31',
        atRevision: 2,
        figures: expect.objectContaining({ awardAmount: '169675.00', committed: '169675.00', paid: '0.00' }),
        figuresHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        status: 'current',
        figuresHashVerified: true,
        eventsSince: [],
        changes: [],
      });
    });

    it('refuses a certificate from anyone but the Section 151 officer', async () => {
      const response = await post('finance-officer', `/awards/${NORFOLK}/certificates`, {});
      expect(response.status).toBe(403);
    });

    it('refuses a certificate whose (d) is not stated, with 422', async () => {
      const response = await post('s151-officer', `/awards/${NORFOLK}/certificates`, {
        commandId: 'nor23-e2e-no-d',
        basis: 'a',
        regulationsComplied: false,
        officer: { id: 'opccn-cfo', name: 'Chief Finance Officer' },
        certifiedOn: '2023-08-01',
        decisionRef: '21/2023',
      });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('REGULATIONS_NOT_COMPLIED');
    });

    it('answers 404 for a certificate never issued', async () => {
      const response = await get(`/awards/${NORFOLK}/certificates/2`).expect(404);
      expect(response.body).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND', message: 'award norfolk-change-2023 has no certificate 2 (1 issued)' });
    });

    describe('then a payment', () => {
      beforeAll(async () => {
        const response = await post('finance-officer', `/awards/${NORFOLK}/grants/g-change-project/disbursements`, {
          commandId: 'nor23-e2e-pay-1',
          disbursementId: 'd-2023-08',
          amount: '14139.59',
          paidOn: '2023-08-15',
          reference: 'BACS 0815',
        });
        expect(response.status).toBe(201);
      });

      // A payment within the budget changes nothing the officer certified (issue 10: stale means the budget changed).
      it('keeps the certificate current, listing the payment since certification and the figures it moved', async () => {
        const response = await get(`/awards/${NORFOLK}/certificates/1`).expect(200);
        expect(response.body).toMatchObject({
          status: 'current',
          eventsSince: [],
          changes: [],
          movementsSince: [
            { revision: '4', type: 'DisbursementPaid', summary: '£14,139.59 paid to The Change Project on 2023-08-15 (BACS 0815)' },
          ],
          movements: [
            { figure: 'paid', before: '0.00', after: '14139.59' },
            { figure: 'unpaidCommitments', before: '169675.00', after: '155535.41' },
            { figure: 'grants.g-change-project.paid', before: '0.00', after: '14139.59' },
          ],
        });
      });

      it('still reads current as at the position of the certificate', async () => {
        const current = await get(`/awards/${NORFOLK}/certificates/1`).expect(200);
        const response = await get(`/awards/${NORFOLK}/certificates/1?position=${current.body.position}`).expect(200);
        expect(response.body).toMatchObject({ status: 'current', eventsSince: [] });
      });

      it.each([
        ['with Accept: application/pdf', (path: string) => get(path).set('Accept', 'application/pdf')],
        ['at …/pdf', (path: string) => get(`${path}/pdf`)],
      ])('prints the certificate %s, its figures and hash in it', async (_, fetch) => {
        const json = await get(`/awards/${NORFOLK}/certificates/1`).expect(200);
        const response = await fetch(`/awards/${NORFOLK}/certificates/1`).buffer(true).parse(binary).expect(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        const text = (await pdfText(response.body as Buffer)).replace(/\s+/g, ' ');
        expect(text).toContain('Award from OPCC for Norfolk revenue budget');
        expect(text).toContain(json.body.figuresHash);
        expect(text).toContain('CURRENT at revision 4: the certified budget is unchanged');
        expect(text).toContain(`${json.body.checkpoint.treeSize} events, Merkle root (SHA-256) ${json.body.checkpoint.rootHash}`);
      });
    });
  });

  describe('a Home Office award with payments across quarters', () => {
    const base = `/awards/${AWARD}`;
    const record = (commandId: string, path: string, body: object) =>
      post('finance-officer', `${base}${path}`, { commandId, ...body }).expect(201);
    const pay = (n: number, amount: string, paidOn: string) =>
      record(`ret-pay-${n}`, '/grants/g-1/disbursements', { disbursementId: `d-${n}`, amount, paidOn, reference: `BACS ${n}` });
    const submit = (commandId: string, body: object = {}) =>
      post('returns-officer', `${base}/returns`, { commandId, financialYear: '2021-22', quarter: 3, submittedOn: '2022-01-14', ...body });

    beforeAll(async () => {
      await post('finance-officer', '/awards', {
        commandId: 'ret-make',
        awardId: AWARD,
        funder: organisation('home-office'),
        recipient: organisation('opcc-x'),
        amount: '12000.00',
        awardedOn: '2021-09-01',
        window: { start: '2021-10', end: '2022-03' },
        decisionRef: 'HO-2021',
        description: 'Perpetrator interventions',
      }).expect(201);
      await record('ret-pledge', '/match-funding', { contributionId: 'm-council', contributor: organisation('council-a'), amount: '3000.00', pledgedOn: '2021-09-01' });
      await record('ret-extend', '/provision-extensions', {
        newEnd: '2022-06',
        decidedOn: '2021-09-01',
        reason: 'Council match funding',
        fundedBy: ['m-council'],
      });
      await record('ret-commit', '/grants', { grantId: 'g-1', grantee: organisation('grantee-1'), amount: '15000.00', committedOn: '2021-09-01', purpose: 'Delivery' });
      await pay(1, '1800.00', '2021-10-15');
      await pay(2, '2100.00', '2021-11-15');
      await record('ret-receive', '/match-funding/m-council/receipts', { amount: '1500.00', receivedOn: '2021-11-20' });
      await pay(3, '2000.00', '2021-12-15');
      await pay(4, '500.00', '2021-12-20');
      await record('ret-reverse-4', '/disbursements/d-4/reversals', { reversedOn: '2021-12-21', reason: 'Duplicate invoice' });
      await pay(5, '4500.00', '2022-01-15');
    });

    it('answers the live draft of a quarter nothing was submitted for', async () => {
      const response = await get(`${base}/returns/2021-22/3`).expect(200);
      expect(response.headers['x-return-status']).toBe('draft');
      expect(response.body).toMatchObject({
        status: 'draft',
        version: null,
        versions: [],
        return: {
          // 1,800 + 2,100 + 2,000: the 500 of 20 December was reversed.
          spend: { quarter: { total: '5900.00', funder: '5900.00', match: '0.00' } },
          matchFundingReceived: { quarter: '1500.00', toDate: '1500.00' },
          // No profile: 15,000 committed over nine months, 1,666.67 in each of the first six and 1,666.66 after.
          forecast: { spendProfile: 'flat', total: '5000.01', funder: '5000.01' },
          // The funder's 12,000 − 5,900 − 5,000.01.
          forecastLapse: { funder: '1099.99' },
          variance: { quarter: { planned: '5000.01', actual: '5900.00', variance: '899.99' } },
        },
      });
      expect(response.body.return.variance.months.map((m: { varianceReason: unknown }) => m.varianceReason)).toEqual([null, null, null]);
    });

    it('refuses a return for a quarter that has not ended', async () => {
      const response = await post('returns-officer', `${base}/returns`, {
        commandId: 'ret-future',
        financialYear: '2099-00',
        quarter: 4,
        submittedOn: '2022-01-14',
      });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'RETURN_QUARTER_NOT_ENDED', details: { quarterEnd: '2100-03-31' } });
    });

    it('refuses a return from anyone but the returns officer', async () => {
      const response = await post('finance-officer', `${base}/returns`, {
        commandId: 'ret-wrong-role',
        financialYear: '2021-22',
        quarter: 3,
        submittedOn: '2022-01-14',
      });
      expect(response.status).toBe(403);
    });

    describe('submitted, then corrected and submitted again', () => {
      let first: request.Response;
      let second: request.Response;

      beforeAll(async () => {
        first = await submit('ret-q3-v1').expect(201);
        // The 15 December invoice was 50.00 too much: reversed and paid again at the right amount.
        await record('ret-reverse-3', '/disbursements/d-3/reversals', { reversedOn: '2022-01-20', reason: 'Invoice overstated' });
        await pay(6, '1950.00', '2021-12-15');
        second = await submit('ret-q3-v2', { submittedOn: '2022-01-25', reason: 'December invoice corrected', varianceReasons: { '2021-10': 'Late start' } }).expect(201);
      });

      it('records two versions, each with its figures and their hash', () => {
        expect(first.body.events[0]).toMatchObject({ type: 'ReturnSubmitted', data: { version: 1, quarter: 3 } });
        expect(second.body.events[0]).toMatchObject({ type: 'ReturnSubmitted', data: { version: 2, reason: 'December invoice corrected' } });
        expect(second.body.events[0].data.figuresHash).not.toBe(first.body.events[0].data.figuresHash);
      });

      it('answers the latest version, listing both', async () => {
        const response = await get(`${base}/returns/2021-22/3`).expect(200);
        expect(response.body).toMatchObject({
          status: 'submitted',
          version: 2,
          figuresHash: second.body.events[0].data.figuresHash,
          figuresHashVerified: true,
          versions: [{ version: 1 }, { version: 2, reason: 'December invoice corrected' }],
          return: { spend: { quarter: { total: '5850.00' } } },
        });
        expect(response.body.return.variance.months[0].varianceReason).toBe('Late start');
      });

      it('keeps version 1 readable, as first submitted', async () => {
        const response = await get(`${base}/returns/2021-22/3?version=1`).expect(200);
        expect(response.body).toMatchObject({
          status: 'submitted',
          version: 1,
          figuresHash: first.body.events[0].data.figuresHash,
          return: { spend: { quarter: { total: '5900.00' } } },
        });
      });

      it('answers 404 for a version never submitted', async () => {
        const response = await get(`${base}/returns/2021-22/3?version=3`).expect(404);
        expect(response.body.code).toBe('RETURN_VERSION_NOT_FOUND');
      });

      it('gives the return as xlsx whose totals are formulas agreeing with the JSON', async () => {
        const json = (await get(`${base}/returns/2021-22/3`).expect(200)).body.return;
        const response = await get(`${base}/returns/2021-22/3`).set('Accept', XLSX).buffer(true).parse(binary).expect(200);
        expect(response.headers['content-type']).toBe(XLSX);
        const sheet = await sheetOf(response.body as Buffer);
        const total = totalIn(sheet, 'Total spend', 'B');
        expect(total.formula).toMatch(/^SUM\(B\d+:B\d+\)$/);
        expect(total.result).toBe(Number(json.spend.quarter.total));
        expect(totalIn(sheet, 'Total spend', 'C').result).toBe(Number(json.spend.toDate.total));
        expect(totalIn(sheet, 'Match funding total', 'C').result).toBe(Number(json.spend.toDate.match));
        expect(totalIn(sheet, 'Quarter total', 'C').result).toBe(Number(json.variance.quarter.actual));
        expect(totalIn(sheet, 'Total received', 'C').result).toBe(Number(json.matchFundingReceived.toDate));
        expect(totalIn(sheet, 'Total that would lapse', 'B').result).toBe(Number(json.forecastLapse.total));
      });

      it('gives the return as CSV, one figure a row', async () => {
        const response = await get(`${base}/returns/2021-22/3?format=csv&version=1`).expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/csv/);
        expect(response.text.split('\n')).toContain('actual spend,total,quarter,5900.00,');
        const { checkpoint } = (await get(`${base}/returns/2021-22/3?version=1`).expect(200)).body;
        expect(response.text).toContain(`return,ledger checkpoint,,"${checkpoint.treeSize} events, Merkle root (SHA-256) ${checkpoint.rootHash}",`);
      });
    });

    describe('from the built CLI', () => {
      const cli = (...args: string[]): Promise<CliRun> =>
        runBuiltCli(['--db', join(directory, 'ledger.sqlite'), ...args], { cwd: directory });
      const returnArgs = ['report', 'return', '--award', AWARD, '--year', '2021-22', '--quarter', '3'];

      it('writes the return as xlsx whose totals agree with its JSON', async () => {
        const json = await cli(...returnArgs, '--format', 'json');
        expect(json.code).toBe(0);
        const figures = JSON.parse(json.stdout);
        expect(figures).toMatchObject({ status: 'submitted', version: 2 });
        const output = join(directory, 'q3.xlsx');
        const xlsx = await cli(...returnArgs, '--format', 'xlsx', '--output', output);
        expect(xlsx).toMatchObject({ code: 0 });
        expect(xlsx.stderr).toContain('Q3 2021-22 return (version 2) written to');
        const sheet = await sheetOf(readFileSync(output));
        expect(totalIn(sheet, 'Total spend', 'C').result).toBe(Number(figures.return.spend.toDate.total));
      });

      it('prints an earlier version as CSV', async () => {
        const run = await cli(...returnArgs, '--format', 'csv', '--version', '1');
        expect(run.code).toBe(0);
        expect(run.stdout.split('\n')).toContain('actual spend,total,quarter,5900.00,');
      });

      it('refuses xlsx without --output, as a usage mistake', async () => {
        const run = await cli(...returnArgs, '--format', 'xlsx');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('report return --format xlsx needs --output <file>');
      });
    });
  });

  describe('Norfolk imported by the built CLI', () => {
    let cliDirectory: string;
    const cli = (...args: string[]): Promise<CliRun> =>
      runBuiltCli(['--db', join(cliDirectory, 'ledger.sqlite'), ...args], { cwd: cliDirectory });

    beforeAll(() => {
      cliDirectory = mkdtempSync(join(tmpdir(), 'fundledger-certificate-cli-e2e-'));
    });
    afterAll(() => rmSync(cliDirectory, { recursive: true, force: true }));

    it('imports completely, reads current, and stays current with the payment recorded after, listing it', async () => {
      const imported = await cli('import', '--json', fixturePath('norfolk-2023'));
      expect(imported.code).toBe(0);
      expect(JSON.parse(imported.stdout).files[0]).toMatchObject({ applied: 4, rejected: 0 });

      const current = await cli('certificate', '--award', NORFOLK, '--format', 'json');
      expect(current.code).toBe(0);
      expect(JSON.parse(current.stdout)).toMatchObject({ index: 1, status: 'current', eventsSince: [] });

      const payment = join(cliDirectory, 'payment.json');
      writeFileSync(
        payment,
        JSON.stringify({
          description: 'The first payment to The Change Project',
          source: 'e2e spec',
          commands: [
            {
              commandId: 'nor23-cli-pay-1',
              type: 'PayDisbursement',
              awardId: NORFOLK,
              grantId: 'g-change-project',
              disbursementId: 'd-2023-08',
              amount: '14139.59',
              paidOn: '2023-08-15',
              reference: 'BACS 0815',
            },
          ],
        }),
      );
      // Another officer than the one who imported (and so certified) Norfolk: one person may not do both.
      expect((await cli('import', '--actor', 'norfolk-finance', payment)).code).toBe(0);

      const pdf = join(cliDirectory, 'certificate.pdf');
      const afterPayment = await cli('certificate', '--award', NORFOLK, '--index', '1', '--pdf', pdf);
      expect(afterPayment.code).toBe(0);
      const lines = afterPayment.stdout.split('\n');
      expect(lines[0]).toBe('CURRENT at revision 4: the certified budget is unchanged; 1 payment(s) or receipt(s) since');
      expect(afterPayment.stdout).toMatch(/£14,139\.59 paid to The Change Project on 2023-08-15 \(BACS 0815\)\s+4\s+/);
      expect(afterPayment.stdout).toMatch(/Paid \(net of reversals\)\s+£0\.00\s+£14,139\.59/);
      expect(await pdfText(readFileSync(pdf))).toContain('Section 151 Officer budget certificate');
    });
  });
});
