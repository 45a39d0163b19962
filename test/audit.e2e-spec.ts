import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type AccessTokenService, type Role } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { configHomeIn, localTokensIn } from './local-tokens';

/** Norfolk's published commands as a client posts them: each fixture entry to its route, as is. */
const norfolk = (JSON.parse(readFileSync(resolve(__dirname, '../fixtures/norfolk-2023.json'), 'utf8')) as {
  commands: Array<{ type: string; awardId: string } & Record<string, unknown>>;
}).commands;
const ROUTES: Record<string, [Role, string]> = {
  MakeAward: ['finance-officer', '/awards'],
  CommitGrant: ['finance-officer', '/awards/norfolk-change-2023/grants'],
  RecordDecision: ['finance-officer', '/awards/norfolk-change-2023/decisions'],
  CertifyBudget: ['s151-officer', '/awards/norfolk-change-2023/certificates'],
};

describe('the audit anchors over HTTP', () => {
  let directory: string;
  let app: INestApplication;
  let tokens: AccessTokenService;
  const receipts: Array<{ position: string; checkpoint: { treeSize: string; rootHash: string } }> = [];

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-audit-e2e-'));
    const config = { FUNDLEDGER_DB: join(directory, 'ledger.sqlite'), XDG_CONFIG_HOME: configHomeIn(directory), LOG_LEVEL: 'silent' };
    app = await createApp(loadApiConfig(config));
    await app.init();
    tokens = localTokensIn(directory);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  // The auditor audits the whole ledger; the others work for the recipient the spec records for.
  const bearer = (role: Role): string =>
    `Bearer ${tokens.issue({ id: `e2e-${role}`, role, orgs: role === 'auditor' ? ['*'] : ['opcc-norfolk'] })}`;
  const get = (path: string, role: Role = 'auditor') => request(app.getHttpServer()).get(path).set('Authorization', bearer(role));
  const post = (path: string, body: object, role: Role = 'auditor') =>
    request(app.getHttpServer()).post(path).set('Authorization', bearer(role)).send(body);

  it('has no checkpoint to give before the first event', async () => {
    const response = await get('/audit/checkpoint').expect(409);
    expect(response.body).toMatchObject({ code: 'LOG_EMPTY' });
  });

  describe('given Norfolk recorded over HTTP', () => {
    beforeAll(async () => {
      for (const { type: commandType, ...body } of norfolk) {
        const [role, path] = ROUTES[commandType]!;
        receipts.push((await post(path, body, role).expect(201)).body);
      }
    });

    it('answers every command with the tree head of the log up to its event', () => {
      expect(receipts.map((receipt) => receipt.checkpoint.treeSize)).toEqual(['1', '2', '3', '4']);
      expect(new Set(receipts.map((receipt) => receipt.checkpoint.rootHash)).size).toBe(4);
    });

    it('gives the auditor a signed checkpoint of the log, and no one else', async () => {
      const response = await get('/audit/checkpoint').expect(200);
      expect(response.body).toMatchObject({ treeSize: '4', rootHash: receipts[3]!.checkpoint.rootHash, lastPosition: receipts[3]!.position });
      expect(response.body.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
      await get('/audit/checkpoint', 'finance-officer').expect(403);
      await post('/audit/verify', response.body, 's151-officer').expect(403);
    });

    it("pins, in the certificate's answer, the checkpoint kept when it was recorded", async () => {
      const certificate = await get('/awards/norfolk-change-2023/certificates/1').expect(200);
      expect(certificate.body.checkpoint).toMatchObject(receipts[3]!.checkpoint);
      expect(certificate.body.checkpoint.lastPosition).toBe(certificate.body.position);
    });

    it('verifies the log against a checkpoint, with the proof, after the log has grown', async () => {
      const earlier = (await get('/audit/checkpoint').expect(200)).body;
      await post('/awards/norfolk-change-2023/grants/g-change-project/disbursements', {
        commandId: 'audit-pay-1', disbursementId: 'd-1', amount: '1000.00', paidOn: '2023-08-31', reference: 'BACS 1',
      }, 'finance-officer').expect(201);
      const response = await post('/audit/verify', earlier).expect(200);
      expect(response.body).toMatchObject({
        ok: true,
        events: 5,
        treeSize: '5',
        checkpoint: { treeSize: '4', signatureValid: true, consistent: true },
        findings: [],
      });
      expect(response.body.checkpoint.proof.length).toBeGreaterThan(0);
    });

    it('answers a checkpoint whose figures were altered with the broken signature first', async () => {
      const kept = (await get('/audit/checkpoint').expect(200)).body;
      const response = await post('/audit/verify', { ...kept, treeSize: '3' }).expect(200);
      expect(response.body).toMatchObject({ ok: false, firstDivergence: { code: 'CHECKPOINT_SIGNATURE_INVALID' } });
    });

    it('refuses a body that is not a checkpoint, naming the fields', async () => {
      const kept = (await get('/audit/checkpoint').expect(200)).body;
      expect((await post('/audit/verify', { ...kept, rootHash: 'not hex' }).expect(400)).body).toMatchObject({
        code: 'CHECKPOINT_INVALID',
        details: [{ field: 'rootHash', message: 'must be 64 lower-case hex digits' }],
      });
      expect((await post('/audit/verify', { ...kept, treeSize: 4 }).expect(400)).body).toMatchObject({ code: 'INVALID_REQUEST' });
      expect((await post('/audit/verify', { ...kept, extra: 'x' }).expect(400)).body).toMatchObject({ code: 'INVALID_REQUEST' });
    });
  });
});
