import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService, type Role } from '@fundledger/access';
import { fixturePath, loadFixtureScript } from '@fundledger/testing';
import type { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { pdfPages } from '../libs/reporting/src/document/read-back.test-builders';
import { runBuiltCli } from './built-cli';
import { configHomeIn, localTokensIn } from './local-tokens';

/**
 * Issue 10, done when: certifying the Norfolk fixture, paying its grant, then varying the commitment
 * shows current after the payment (listed as since certification) and stale after the variation, on
 * every page; the Cleveland certificate cannot be issued without acknowledging the £1,000.00 mismatch
 * and the £15,581.84 shortfall; a return's CSV and xlsx name their version and hash.
 */
const NORFOLK = 'norfolk-change-2023';
const CLEVELAND = 'dapi21-cleveland';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

describe('documents an officer signs and a returns officer sends (HTTP, fixtures imported by the built CLI)', () => {
  let directory: string;
  let app: INestApplication;
  let tokens: AccessTokenService;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-signed-documents-e2e-'));
    const db = join(directory, 'ledger.sqlite');
    // Cleveland (after the national announcement it requires) as the finance team imports it.
    const imported = await runBuiltCli(
      ['--db', db, 'import', '--actor', 'cleveland.finance', fixturePath('national-2021'), fixturePath('cleveland-2021')],
      { cwd: directory, env: { XDG_CONFIG_HOME: configHomeIn(directory) } },
    );
    expect(imported.code).toBe(0);
    app = await createApp(loadApiConfig({ FUNDLEDGER_DB: db, XDG_CONFIG_HOME: configHomeIn(directory), LOG_LEVEL: 'silent' }));
    await app.init();
    tokens = localTokensIn(directory);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  // Each officer works for the recipients of the awards the spec touches; the auditor audits the whole ledger.
  const orgs = (role: Role) => (role === 'auditor' ? ['*'] : ['opcc-norfolk', 'opcc-cleveland']);
  const bearer = (role: Role, sub: string): string => `Bearer ${tokens.issue({ id: sub, role, orgs: orgs(role) })}`;
  const post = (role: Role, sub: string, path: string, body: object) =>
    request(app.getHttpServer()).post(path).set('Authorization', bearer(role, sub)).send(body);
  const get = (path: string) => request(app.getHttpServer()).get(path).set('Authorization', bearer('auditor', 'e2e-auditor'));
  const pdfOf = async (path: string): Promise<string[]> => {
    const response = await get(path).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return (await pdfPages(response.body as Buffer)).map(oneLine);
  };

  describe('Norfolk: certified, paid, then varied', () => {
    const certificate = `/awards/${NORFOLK}/certificates/1`;

    beforeAll(async () => {
      const routes: Record<string, [Role, string, string]> = {
        MakeAward: ['finance-officer', 'norfolk.finance', '/awards'],
        CommitGrant: ['finance-officer', 'norfolk.finance', `/awards/${NORFOLK}/grants`],
        RecordDecision: ['finance-officer', 'norfolk.finance', `/awards/${NORFOLK}/decisions`],
        CertifyBudget: ['s151-officer', 'norfolk.cfo', `/awards/${NORFOLK}/certificates`],
      };
      for (const { type, ...body } of loadFixtureScript('norfolk-2023').commands) {
        const [role, sub, path] = routes[type];
        expect([(await post(role, sub, path, body)).status, type]).toEqual([201, type]);
      }
    });

    it('issues a certificate signed by the officer named and the authenticated subject', async () => {
      const response = await get(certificate).expect(200);
      expect(response.body).toMatchObject({
        status: 'current',
        officer: { id: 'opccn-cfo', name: 'Chief Finance Officer (Section 151 Officer)' },
        issuedBy: { id: 'norfolk.cfo', role: 's151-officer' },
        acknowledged: [],
      });
      const pages = await pdfOf(`${certificate}/pdf`);
      expect(pages.join(' ')).toContain(
        'Officer Chief Finance Officer (Section 151 Officer) (opccn-cfo) Issued by (authenticated) norfolk.cfo (s151-officer) Date 31 July 2023',
      );
    });

    describe('after paying its grant', () => {
      beforeAll(async () => {
        const paid = await post('finance-officer', 'norfolk.finance', `/awards/${NORFOLK}/grants/g-change-project/disbursements`, {
          commandId: 'nor23-e2e-pay-1',
          disbursementId: 'd-2023-08',
          amount: '14139.59',
          paidOn: '2023-08-15',
          reference: 'BACS 0815',
        });
        expect(paid.status).toBe(201);
      });

      it('reads current, the payment listed as since certification', async () => {
        const response = await get(certificate).expect(200);
        expect(response.body).toMatchObject({
          status: 'current',
          statusText: 'CURRENT at revision 4: the certified budget is unchanged; 1 payment(s) or receipt(s) since',
          eventsSince: [],
          changes: [],
          movementsSince: [{ revision: '4', type: 'DisbursementPaid', summary: '£14,139.59 paid to The Change Project on 2023-08-15 (BACS 0815)' }],
        });
      });

      it('says current on every page of the PDF and lists the payment', async () => {
        const pages = await pdfOf(`${certificate}/pdf`);
        expect(pages.length).toBeGreaterThan(1);
        for (const page of pages) expect(page).toMatch(/^CURRENT at revision 4: the certified budget is unchanged/);
        expect(pages.join(' ')).toContain('Since certification: payments and receipts');
        expect(pages.join(' ')).toContain('£14,139.59 paid to The Change Project on 2023-08-15 (BACS 0815)');
      });

      describe('then varying the commitment', () => {
        beforeAll(async () => {
          const varied = await post('finance-officer', 'norfolk.finance', `/awards/${NORFOLK}/grants/g-change-project/variations`, {
            commandId: 'nor23-e2e-vary-1',
            newAmount: '160000.00',
            effectiveOn: '2023-09-01',
            reason: 'Scope reduced',
          });
          expect(varied.status).toBe(201);
        });

        it('reads stale, naming the variation as the change and the figures before and after', async () => {
          const response = await get(certificate).expect(200);
          expect(response.body).toMatchObject({
            status: 'stale',
            statusText: 'STALE: the certified budget has changed since certification (1 change(s), revision 5)',
            eventsSince: [{ revision: '5', type: 'GrantCommitmentVaried' }],
            movementsSince: [{ revision: '4', type: 'DisbursementPaid' }],
          });
          expect(response.body.changes).toContainEqual(expect.objectContaining({ figure: 'committed', before: '169675.00', after: '160000.00' }));
        });

        it('says STALE at the top of every page of the PDF', async () => {
          const pages = await pdfOf(certificate + '?format=pdf');
          expect(pages.length).toBeGreaterThan(1);
          for (const page of pages) expect(page).toMatch(/^STALE: the certified budget has changed since certification/);
        });

        it('says STALE first in the built CLI’s text', async () => {
          const run = await runBuiltCli(['--db', join(directory, 'ledger.sqlite'), 'certificate', '--award', NORFOLK], { cwd: directory });
          expect(run.code).toBe(0);
          expect(run.stdout.split('\n')[0]).toBe('STALE: the certified budget has changed since certification (1 change(s), revision 5)');
          expect(run.stdout).toContain('commitment to The Change Project varied to £160,000.00 (Scope reduced)');
        });
      });
    });
  });

  describe('Cleveland: a decision £1,000.00 out and a planned shortfall', () => {
    const certify = (commandId: string, acknowledged?: string[]) =>
      post('s151-officer', 'cleveland.cfo', `/awards/${CLEVELAND}/certificates`, {
        commandId,
        basis: 'b',
        regulationsComplied: true,
        officer: { id: 'opcc-cleveland-cfo', name: 'Chief Finance Officer, OPCC Cleveland' },
        certifiedOn: '2021-08-02',
        decisionRef: '2021-7335',
        ...(acknowledged === undefined ? {} : { acknowledged }),
      });

    it('refuses the certificate unacknowledged, listing both matters with their figures, and writes nothing', async () => {
      const response = await certify('cle21-e2e-cert-0');
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'ACKNOWLEDGEMENT_REQUIRED',
        details: {
          missing: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'],
          'grantsTotal.declared': '296617.00',
          'grantsTotal.ledger': '295617.00',
          'grantsTotal.difference': '1000.00',
          plannedShortfall: '15581.84',
          firstShortfallMonth: '2022-10',
        },
      });
      expect(response.body.message).toContain('difference £1,000.00');
      expect(response.body.message).toContain('£15,581.84 of the planned cost is met by no source');
      await get(`/awards/${CLEVELAND}/certificates/1`).expect(404);
    });

    it('refuses it with only the shortfall acknowledged, naming the mismatch', async () => {
      const response = await certify('cle21-e2e-cert-1', ['PLANNED_SHORTFALL']);
      expect(response.status).toBe(422);
      expect(response.body.details.missing).toEqual(['DECISION_TOTAL_MISMATCH']);
    });

    it('refuses an acknowledgement that is not one, with 400', async () => {
      const response = await certify('cle21-e2e-cert-2', ['SHORTFALL']);
      expect(response.status).toBe(400);
    });

    describe('acknowledging both', () => {
      beforeAll(async () => {
        expect((await certify('cle21-e2e-cert-3', ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'])).status).toBe(201);
      });

      it('issues it, and the PDF prints each acknowledgement with its figures', async () => {
        const all = (await pdfOf(`/awards/${CLEVELAND}/certificates/1/pdf`)).join(' ');
        expect(all).toContain('(DECISION_TOTAL_MISMATCH): Grants total: declared £296,617.00, ledger £295,617.00, difference +£1,000.00.');
        expect(all).toContain('(PLANNED_SHORTFALL): £15,581.84 of the planned cost of provision is met by no source, from October 2022.');
        expect(all).toContain('Issued by (authenticated) cleveland.cfo (s151-officer)');
      });
    });
  });

  describe('Cleveland’s Q3 2021-22 return, submitted', () => {
    const path = `/awards/${CLEVELAND}/returns/2021-22/3`;
    let figuresHash: string;

    beforeAll(async () => {
      const submitted = await post('returns-officer', 'cleveland.returns', `/awards/${CLEVELAND}/returns`, {
        commandId: 'cle21-e2e-ret-q3',
        financialYear: '2021-22',
        quarter: 3,
        submittedOn: '2022-01-20',
      });
      expect(submitted.status).toBe(201);
      figuresHash = submitted.body.events[0].data.figuresHash;
    });

    it('names its version and hash, and who submitted it, in the CSV', async () => {
      const response = await get(`${path}?format=csv`).expect(200);
      const lines = response.text.split('\n');
      expect(lines).toContain('return,version,,1 of 1,');
      expect(lines).toContain('return,submitted on,,20 January 2022,');
      expect(lines).toContain('return,submitted by,,cleveland.returns (returns-officer),');
      expect(lines).toContain(`return,figures sha256,,${figuresHash},`);
      expect(lines).toContain('return,funder,,Home Office (reference HO-DAPI-2021),');
    });

    it('names its version and hash in the xlsx, on a title row printed on every page', async () => {
      const response = await get(path).set('Accept', XLSX).buffer(true).parse(binary).expect(200);
      expect(response.headers['content-disposition']).toContain('-v1.xlsx');
      const workbook = new Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(sheet.getCell('B1').value).toBe(`${CLEVELAND} Q3 2021-22, version 1 of 1, figures sha256 ${figuresHash}`);
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    });

    it('is available as a PDF beside the xlsx, its submission atop every page', async () => {
      const pages = await pdfOf(`${path}?format=pdf`);
      for (const page of pages) expect(page).toMatch(/^Q3 2021-22 return, version 1 of 1, submitted 20 January 2022/);
      expect(pages.join(' ')).toContain(`Figures sha256 ${figuresHash}`);
    });
  });
});
