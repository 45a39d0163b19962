import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService, type Role } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * The reproduction: a finance officer of Cleveland committed £100,000.00 of Kent's award to
 * "attacker-ltd" and paid it (201, 201). Now both are answered as if Kent's award did not exist, and
 * nothing is written; the reports that span awards show each body its own.
 */
const SECRET = 'organisations-e2e-signing-secret-0123456789';
const tokens = new AccessTokenService(SECRET);
const bearer = (role: Role, orgs: string[], id: string) => `Bearer ${tokens.issue({ id, role, orgs })}`;
const KENT = bearer('finance-officer', ['opcc-kent'], 'kent-finance');
const CLEVELAND = bearer('finance-officer', ['opcc-cleveland'], 'cleveland-finance');
const HOME_OFFICE = bearer('finance-officer', ['home-office'], 'ho-finance');
const organisation = (id: string) => ({ id, name: id });

describe('organisations: nobody reads or changes another body\'s awards', () => {
  let directory: string;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const head = async (): Promise<string> => (await http().get('/health')).body.info.readModel.head as string;
  const post = (token: string, path: string, body: object) => http().post(path).set('Authorization', token).send(body);

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-organisations-'));
    app = await createApp(loadApiConfig({ FUNDLEDGER_DB: join(directory, 'ledger.sqlite'), FUNDLEDGER_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' }));
    await app.init();
    await post(HOME_OFFICE, '/programmes', {
      commandId: 'org-001',
      programmeId: 'dapi-2021',
      name: 'DAPI 2021',
      funder: organisation('home-office'),
      envelope: '11300000.00',
      financialYear: '2021-22',
      openedOn: '2021-07-01',
    }).expect(201);
    for (const [token, awardId, recipient, n] of [
      [KENT, 'dapi21-kent', 'opcc-kent', 2],
      [CLEVELAND, 'dapi21-cleveland', 'opcc-cleveland', 3],
    ] as const) {
      await post(token, '/awards', {
        commandId: `org-00${n}`,
        awardId,
        programmeId: 'dapi-2021',
        funder: organisation('home-office'),
        recipient: organisation(recipient),
        amount: '400000.00',
        awardedOn: '2021-07-01',
        window: { start: '2021-10', end: '2022-05' },
        decisionRef: 'HO-DAPI-2021',
        description: 'DAPI',
      }).expect(201);
    }
    await post(KENT, '/awards/dapi21-kent/match-funding', {
      commandId: 'org-004',
      contributionId: 'm-kcc',
      contributor: organisation('kent-cc'),
      amount: '20000.00',
      pledgedOn: '2021-07-31',
      reference: 'KCC',
    }).expect(201);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  describe("Cleveland's finance officer against Kent's award", () => {
    it('cannot commit £100,000.00 of it to attacker-ltd, nor pay it: 404 as if it did not exist, nothing written', async () => {
      const before = await head();
      const commit = await post(CLEVELAND, '/awards/dapi21-kent/grants', {
        commandId: 'attack-1',
        grantId: 'g-attack',
        grantee: organisation('attacker-ltd'),
        amount: '100000.00',
        committedOn: '2021-07-31',
        purpose: 'attack',
      });
      expect(commit.status).toBe(404);
      expect(commit.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'AWARD_NOT_FOUND',
        message: 'award dapi21-kent has not been made',
        details: { awardId: 'dapi21-kent' },
      });
      const pay = await post(CLEVELAND, '/awards/dapi21-kent/grants/g-attack/disbursements', {
        commandId: 'attack-2',
        disbursementId: 'd-attack',
        amount: '100000.00',
        paidOn: '2021-11-01',
        reference: 'attack',
      });
      expect(pay.status).toBe(404);
      expect(await head()).toBe(before);
    });

    it('gets the same answer for Kent\'s award as for one never made', async () => {
      const kent = await http().get('/awards/dapi21-kent').set('Authorization', CLEVELAND);
      const none = await http().get('/awards/dapi21-nowhere').set('Authorization', CLEVELAND);
      expect(kent.status).toBe(404);
      expect(kent.body.message).toBe(none.body.message.replace('dapi21-nowhere', 'dapi21-kent'));
      await http().get('/awards/dapi21-kent/events').set('Authorization', CLEVELAND).expect(404);
    });

    it('cannot make an award in Kent\'s name', async () => {
      const response = await post(CLEVELAND, '/awards', {
        commandId: 'attack-3',
        awardId: 'dapi21-kent-2',
        funder: organisation('home-office'),
        recipient: organisation('opcc-kent'),
        amount: '1.00',
        awardedOn: '2021-07-01',
        window: { start: '2021-10', end: '2022-05' },
        decisionRef: 'X',
        description: 'X',
      });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('ORGANISATION_NOT_IN_SCOPE');
    });
  });

  describe('separation of duties across roles and time', () => {
    const pat = (role: Role) => bearer(role, ['opcc-kent'], 'pat@kent.police.uk');

    it('refuses 422 DUTIES_NOT_SEPARATED when the subject who paid certifies, whichever role its token holds', async () => {
      await post(KENT, '/awards/dapi21-kent/grants', {
        commandId: 'sod-1',
        grantId: 'g-1',
        grantee: organisation('provider'),
        amount: '5000.00',
        committedOn: '2021-07-31',
        purpose: 'Delivery',
      }).expect(201);
      await post(KENT, '/awards/dapi21-kent/decisions', {
        commandId: 'sod-2',
        decisionRef: 'D-1',
        decidedOn: '2021-07-31',
        declared: { awardAmount: '400000.00' },
      }).expect(201);
      await post(pat('finance-officer'), '/awards/dapi21-kent/grants/g-1/disbursements', {
        commandId: 'sod-3',
        disbursementId: 'd-1',
        amount: '1000.00',
        paidOn: '2021-11-01',
        reference: 'PAY-1',
      }).expect(201);
      const before = await head();
      const certificate = {
        basis: 'b',
        regulationsComplied: true,
        officer: { id: 'cfo', name: 'Chief Finance Officer' },
        certifiedOn: '2021-11-02',
        decisionRef: 'D-1',
      };
      const refused = await post(pat('s151-officer'), '/awards/dapi21-kent/certificates', { commandId: 'sod-4', ...certificate });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'DUTIES_NOT_SEPARATED',
        message: 'pat@kent.police.uk recorded disbursements on award dapi21-kent, so may not also certify its budget: another officer must',
      });
      expect(await head()).toBe(before);
      await post(bearer('s151-officer', ['opcc-kent'], 'cfo@kent.police.uk'), '/awards/dapi21-kent/certificates', {
        commandId: 'sod-5',
        ...certificate,
      }).expect(201);
    });
  });

  describe('reports that span awards', () => {
    const programme = async (token: string) => (await http().get('/programmes/dapi-2021').set('Authorization', token).expect(200)).body;

    it("shows Cleveland's officer the programme with Cleveland's award only", async () => {
      const body = await programme(CLEVELAND);
      expect(body.awards.items.map((item: { awardId: string }) => item.awardId)).toEqual(['dapi21-cleveland']);
    });

    it("shows the Home Office's funder-officer every award it made", async () => {
      const body = await programme(bearer('funder-officer', ['home-office'], 'ho-grants'));
      expect(body.awards.items.map((item: { awardId: string }) => item.awardId)).toEqual(['dapi21-kent', 'dapi21-cleveland']);
      expect(body.awards.total).toBe('800000.00');
    });

    it("shows Kent County Council its own pledges, and Cleveland's officer none of them", async () => {
      const own = await http().get('/contributors/kent-cc/statement').set('Authorization', bearer('finance-officer', ['kent-cc'], 'kcc')).expect(200);
      expect(own.body.totals.pledged).toBe('20000.00');
      await http().get('/contributors/kent-cc/statement').set('Authorization', CLEVELAND).expect(404);
    });

    it('lets an auditor of the whole ledger read every award, and one of Kent only Kent\'s', async () => {
      await http().get('/awards/dapi21-cleveland').set('Authorization', bearer('auditor', ['*'], 'nao')).expect(200);
      await http().get('/awards/dapi21-kent').set('Authorization', bearer('auditor', ['opcc-kent'], 'kent-audit')).expect(200);
      await http().get('/awards/dapi21-cleveland').set('Authorization', bearer('auditor', ['opcc-kent'], 'kent-audit')).expect(404);
    });
  });
});
