import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService, type Role } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * The write API end to end: the published Cleveland figures recorded over HTTP (fixtures/national-2021.json
 * and cleveland-2021.json), the ledger refusing the one grant too many, every kind of error in the one
 * shape, and retries answered with their first outcome.
 */
const SECRET = 'ledger-e2e-signing-secret-0123456789abcdef';
const AWARD = 'dapi21-cleveland';
const homeOffice = { id: 'home-office', name: 'Home Office' };

type Body = Record<string, unknown>;

/** The Cleveland story as [path, body] pairs; each body carries its fixture commandId. */
const CLEVELAND: ReadonlyArray<readonly [string, Body]> = [
  [
    '/programmes',
    {
      commandId: 'nat21-001',
      programmeId: 'dapi-2021',
      name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
      funder: homeOffice,
      envelope: '11300000.00',
      financialYear: '2021-22',
      openedOn: '2021-07-01',
    },
  ],
  [
    '/awards',
    {
      commandId: 'nat21-004',
      awardId: AWARD,
      programmeId: 'dapi-2021',
      funder: homeOffice,
      recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
      amount: '200333.33',
      awardedOn: '2021-07-01',
      window: { start: '2021-10', end: '2022-05' },
      decisionRef: 'HO-DAPI-2021',
      description: 'Domestic abuse perpetrator interventions (1 bid)',
    },
  ],
  [
    `/awards/${AWARD}/variations`,
    {
      commandId: 'cle21-001',
      newAmount: '200124.66',
      effectiveOn: '2021-07-31',
      reason: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)',
      reference: 'Decision 2021-7335',
    },
  ],
  ...(
    [
      ['cle21-002', 'm-opcc', 'opcc-cleveland', 'Police and Crime Commissioner for Cleveland', '38117.00'],
      ['cle21-003', 'm-hartlepool', 'hartlepool-council', 'Hartlepool Borough Council', '15000.00'],
      ['cle21-004', 'm-stockton', 'stockton-council', 'Stockton-on-Tees Borough Council', '15000.00'],
      ['cle21-005', 'm-redcar', 'redcar-council', 'Redcar and Cleveland Borough Council', '15000.00'],
      ['cle21-006', 'm-middlesbrough', 'middlesbrough-council', 'Middlesbrough Council', '15000.00'],
    ] as const
  ).map(
    ([commandId, contributionId, id, name, amount]) =>
      [
        `/awards/${AWARD}/match-funding`,
        { commandId, contributionId, contributor: { id, name }, amount, pledgedOn: '2021-07-31', reference: 'Decision 2021-7335' },
      ] as const,
  ),
  [
    `/awards/${AWARD}/provision-extensions`,
    {
      commandId: 'cle21-007',
      newEnd: '2022-10',
      decidedOn: '2021-07-31',
      reason: 'Match funding enables an additional five months of provision to the end of October 2022',
      fundedBy: ['m-opcc', 'm-hartlepool', 'm-stockton', 'm-redcar', 'm-middlesbrough'],
    },
  ],
  ...(
    [
      ['cle21-008', 'g-harbour', 'harbour', 'Harbour', '187229.00', 'Team around the Couple delivery'],
      ['cle21-009', 'g-msp', 'my-sisters-place', "My Sister's Place", '101388.00', 'Team around the Couple delivery'],
      ['cle21-010', 'g-barefoot', 'barefoot-research', 'Barefoot Social Research', '7000.00', 'Independent evaluation'],
    ] as const
  ).map(
    ([commandId, grantId, id, name, amount, purpose]) =>
      [`/awards/${AWARD}/grants`, { commandId, grantId, grantee: { id, name }, amount, committedOn: '2021-07-31', purpose }] as const,
  ),
];

const oneGrantTooMany = (commandId: string): Body => ({
  commandId,
  grantId: 'g-one-too-many',
  grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' },
  amount: '7000.00',
  committedOn: '2021-07-31',
  purpose: 'A second evaluation',
});

const pledge = (fields: Body = {}): Body => ({
  contributionId: 'm-extra',
  contributor: { id: 'stockton-council', name: 'Stockton-on-Tees Borough Council' },
  amount: '1000.00',
  pledgedOn: '2021-07-31',
  ...fields,
});

describe('the ledger over HTTP', () => {
  let dir: string;
  let app: INestApplication;
  const tokens = new AccessTokenService(SECRET);
  // The funder's and Cleveland's officers for commands; the auditor of the whole ledger for reads.
  const bearer = (role: Role) =>
    `Bearer ${tokens.issue({ id: `e2e-${role}`, role, orgs: role === 'auditor' ? ['*'] : ['home-office', 'opcc-cleveland'] })}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-ledger-'));
    app = await createApp(
      loadApiConfig({ FUNDLEDGER_DB: join(dir, 'ledger.sqlite'), LOG_LEVEL: 'silent', FUNDLEDGER_JWT_SECRET: SECRET }),
    );
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: Body | string, headers: Record<string, string> = {}) => {
    const pending = request(app.getHttpServer()).post(path).set('Authorization', bearer('finance-officer'));
    for (const [name, value] of Object.entries(headers)) pending.set(name, value);
    if (typeof body === 'string') pending.set('Content-Type', 'application/json');
    return pending.send(body);
  };

  const eventsOf = async (awardId: string) => {
    const response = await request(app.getHttpServer())
      .get(`/awards/${awardId}/events`)
      .set('Authorization', bearer('auditor'))
      .expect(200);
    return response.body.events as Array<{ type: string; data: Body; metadata: Body; revision: string; position: string }>;
  };

  /** Expects the one error shape with this status and code; answers the body for further checks. */
  const refused = async (pending: request.Test, statusCode: number, code: string) => {
    const response = await pending;
    expect({ status: response.status, code: response.body.code }).toEqual({ status: statusCode, code });
    expect(response.body).toEqual({
      statusCode,
      error: expect.any(String),
      code,
      message: expect.any(String),
      ...(response.body.details === undefined ? {} : { details: response.body.details }),
    });
    return response.body as { message: string; details?: unknown };
  };

  describe('given the Cleveland programme, award, variation, five pledges, extension and three grants', () => {
    const receipts: Body[] = [];

    beforeAll(async () => {
      for (const [path, body] of CLEVELAND) {
        const response = await post(path, body);
        if (response.status !== 201) throw new Error(`${path} ${body.commandId}: ${response.status} ${response.text}`);
        receipts.push(response.body);
      }
    });

    it('answered each command 201 with a receipt naming its events, revision and position', () => {
      const grant = receipts[receipts.length - 1];
      expect(grant).toEqual({
        commandId: 'cle21-010',
        stream: `award-${AWARD}`,
        events: [
          {
            id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            type: 'GrantCommitted',
            revision: '10',
            data: {
              awardId: AWARD,
              grantId: 'g-barefoot',
              grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' },
              amount: '7000.00',
              committedOn: '2021-07-31',
              purpose: 'Independent evaluation',
            },
          },
        ],
        revision: '10',
        position: expect.stringMatching(/^\d+$/),
        checkpoint: { treeSize: '12', rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        replayed: false,
      });
      const positions = receipts.map((receipt) => BigInt(receipt.position as string));
      expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    });

    it("lists the award's events for an auditor, with who recorded them under which command", async () => {
      const events = await eventsOf(AWARD);

      expect(events.map((event) => event.type)).toEqual([
        'AwardMade',
        'AwardVaried',
        ...Array(5).fill('MatchFundingPledged'),
        'ProvisionExtended',
        ...Array(3).fill('GrantCommitted'),
      ]);
      expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => String(index)));
      expect(events[0].metadata).toMatchObject({
        commandId: 'nat21-004',
        actor: { id: 'e2e-finance-officer', role: 'finance-officer' },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
    });

    describe('when one more £7,000.00 grant is committed', () => {
      it('is refused 422 with the figures, and nothing is written', async () => {
        const before = await eventsOf(AWARD);

        const body = await refused(post(`/awards/${AWARD}/grants`, oneGrantTooMany('cle21-extra')), 422, 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING');

        expect(body.message).toBe(
          'committing £7,000.00 would take commitments to £302,617.00 against £298,241.66 available',
        );
        expect(body.details).toEqual({ amount: '7000.00', committedAfter: '302617.00', available: '298241.66' });
        expect(await eventsOf(AWARD)).toHaveLength(before.length);
      });
    });

    describe('when the input is bad, it is a 400 naming the problem, never a 500', () => {
      const grants = `/awards/${AWARD}/grants`;
      const grantOf = (fields: Body): Body => ({ ...oneGrantTooMany('cle21-bad'), amount: '1.00', ...fields });

      it.each([
        ['a JSON number as amount', { amount: 7000 }, 'amount: must be a string, got number'],
        ['an amount with an exponent', { amount: '7e3' }, 'amount: exponent notation not allowed'],
        ['an amount with 3 decimal places', { amount: '10.001' }, 'amount: 3 decimal places, at most 2 allowed'],
        ['an unknown field', { colour: 'blue' }, 'property colour should not exist'],
        ['a nested organisation without a name', { grantee: { id: 'harbour' } }, 'grantee.name: required'],
        ['a missing organisation', { grantee: undefined }, 'grantee: required'],
        ['a missing amount', { amount: undefined }, 'amount: required'],
      ])('refuses %s', async (_case, fields, expected) => {
        const body = await refused(post(grants, grantOf(fields)), 400, 'INVALID_REQUEST');
        expect(body.details).toContain(expected);
        expect(body.message).toContain(expected);
      });

      it('refuses a month that is not a real calendar month', async () => {
        const body = await refused(
          post(`/awards/${AWARD}/provision-extensions`, {
            commandId: 'cle21-bad-month',
            newEnd: '2023-13',
            decidedOn: '2021-07-31',
            reason: 'Typo',
            fundedBy: ['m-opcc'],
          }),
          400,
          'INVALID_REQUEST',
        );
        expect(body.details).toEqual([expect.stringMatching(/^newEnd: .*13/)]);
      });

      it('refuses a nested month by its full path', async () => {
        const [, makeAward] = CLEVELAND[1];
        const body = await refused(
          post('/awards', { ...makeAward, commandId: 'bad-window', awardId: 'bad-window', window: { start: '2023-13', end: '2024-03' } }),
          400,
          'INVALID_REQUEST',
        );
        expect(body.details).toEqual([expect.stringMatching(/^window\.start: /)]);
      });

      it('refuses a body that is not JSON', async () => {
        const body = await refused(post(grants, '{"amount": "1.00",'), 400, 'MALFORMED_JSON');
        expect(body.message).toMatch(/^request body is not valid JSON: /);
      });

      it('refuses a JSON array as the body', () => refused(post(grants, '[1, 2]'), 400, 'INVALID_REQUEST'));

      it('refuses a command without commandId or Idempotency-Key', async () => {
        const { commandId: _id, ...withoutId } = grantOf({});
        const body = await refused(post(grants, withoutId), 400, 'COMMAND_ID_REQUIRED');
        expect(body.message).toBe('commandId or Idempotency-Key is required');
      });

      it('refuses a body commandId that differs from the Idempotency-Key', () =>
        refused(post(grants, grantOf({ commandId: 'one' }), { 'Idempotency-Key': 'other' }), 400, 'COMMAND_ID_MISMATCH'));

      it('refuses a body id that contradicts the path', async () => {
        const body = await refused(post(grants, grantOf({ awardId: 'another-award' })), 400, 'PATH_ID_MISMATCH');
        expect(body.details).toEqual({ field: 'awardId', path: AWARD, body: 'another-award' });
      });

      it("lets the domain's parser refuse what only it checks, field by field", async () => {
        const body = await refused(post(grants, grantOf({ grantId: 'has spaces' })), 400, 'INVALID_COMMAND');
        expect(body.details).toEqual([{ field: 'grantId', message: expect.stringMatching(/^grantId: must be 1-100 characters/) }]);
      });
    });

    describe('when a command names what was never recorded, it is a 404', () => {
      it('an unknown award', () => refused(post('/awards/no-such-award/grants', oneGrantTooMany('c-404-award')), 404, 'AWARD_NOT_FOUND'));

      it('an unknown grant', () =>
        refused(
          post(`/awards/${AWARD}/grants/g-nobody/disbursements`, {
            commandId: 'c-404-grant',
            disbursementId: 'd-1',
            amount: '1.00',
            paidOn: '2021-11-01',
            reference: 'BACS',
          }),
          404,
          'UNKNOWN_GRANT',
        ));

      it("the events of an unknown award", () =>
        refused(request(app.getHttpServer()).get('/awards/no-such-award/events').set('Authorization', bearer('auditor')), 404, 'AWARD_NOT_FOUND'));

      it('an unknown route', async () => {
        const body = await refused(post('/awards/x/no-such-thing', {}), 404, 'ROUTE_NOT_FOUND');
        expect(body.message).toBe('Cannot POST /awards/x/no-such-thing');
      });
    });

    describe('when an id is already taken, it is a 409', () => {
      it('the award id', () =>
        refused(post('/awards', { ...CLEVELAND[1][1], commandId: 'nat21-004-again' }), 409, 'AWARD_ALREADY_MADE'));

      it('a grant id within the award', () =>
        refused(post(`/awards/${AWARD}/grants`, { ...CLEVELAND[CLEVELAND.length - 1][1], commandId: 'cle21-010-again' }), 409, 'DUPLICATE_GRANT_ID'));
    });

    describe('when the caller is not allowed, the guard answers in the same shape', () => {
      it('401 without a token', async () => {
        const response = await request(app.getHttpServer()).post(`/awards/${AWARD}/grants`).send({}).expect(401);
        expect(response.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'UNAUTHORIZED',
          message: 'bearer token required: send Authorization: Bearer <token>',
        });
      });

      it('403 for a role that may not record', async () => {
        const response = await request(app.getHttpServer())
          .post(`/awards/${AWARD}/grants`)
          .set('Authorization', bearer('auditor'))
          .send(oneGrantTooMany('c-403'))
          .expect(403);
        expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN', message: 'role auditor may not record' });
      });
    });

    describe('when a command is retried with the same Idempotency-Key', () => {
      const pledges = `/awards/${AWARD}/match-funding`;

      it('answers the first receipt again, 200 with Idempotent-Replayed, and writes one event only', async () => {
        const before = (await eventsOf(AWARD)).length;

        const first = await post(pledges, pledge(), { 'Idempotency-Key': 'retry-pledge-1' }).expect(201);
        const retry = await post(pledges, pledge(), { 'Idempotency-Key': 'retry-pledge-1' }).expect(200);

        expect(first.headers['idempotent-replayed']).toBeUndefined();
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(first.body).toMatchObject({
          commandId: 'retry-pledge-1',
          events: [{ type: 'MatchFundingPledged', data: expect.objectContaining({ contributionId: 'm-extra', amount: '1000.00' }) }],
          revision: String(before),
          position: expect.stringMatching(/^\d+$/),
          replayed: false,
        });
        expect(retry.body).toEqual({ ...first.body, replayed: true });
        expect(await eventsOf(AWARD)).toHaveLength(before + 1);
      });

      it('accepts the key repeated as the body commandId, as the same command', async () => {
        const retry = await post(pledges, pledge({ commandId: 'retry-pledge-1' }), { 'Idempotency-Key': 'retry-pledge-1' }).expect(200);
        expect(retry.body.replayed).toBe(true);
      });

      it('refuses the key with a different body, 409 COMMAND_ID_REUSED, writing nothing', async () => {
        const before = (await eventsOf(AWARD)).length;

        const body = await refused(post(pledges, pledge({ amount: '1000.01' }), { 'Idempotency-Key': 'retry-pledge-1' }), 409, 'COMMAND_ID_REUSED');

        expect(body.details).toEqual({ commandId: 'retry-pledge-1' });
        expect(await eventsOf(AWARD)).toHaveLength(before);
      });

      it('refuses the key reused for a command on another award', async () => {
        await post('/awards', { ...CLEVELAND[1][1], commandId: 'elsewhere-made', awardId: 'dapi21-elsewhere' }).expect(201);

        await refused(post('/awards/dapi21-elsewhere/match-funding', pledge(), { 'Idempotency-Key': 'retry-pledge-1' }), 409, 'COMMAND_ID_REUSED');
      });
    });

    describe('when the caller sends X-Correlation-Id', () => {
      it('records it on the events, with the command id as their cause', async () => {
        await post(`/awards/${AWARD}/match-funding`, pledge({ contributionId: 'm-correlated' }), {
          'Idempotency-Key': 'correlated-1',
          'X-Correlation-Id': 'import-batch-7',
        }).expect(201);

        const last = (await eventsOf(AWARD)).at(-1);
        expect(last?.metadata).toMatchObject({ commandId: 'correlated-1', correlationId: 'import-batch-7', causationId: 'correlated-1' });
      });

      it('uses the request id when it sends none', async () => {
        const response = await post(`/awards/${AWARD}/match-funding`, pledge({ contributionId: 'm-uncorrelated' }), {
          'Idempotency-Key': 'uncorrelated-1',
          'X-Request-Id': 'req-42',
        }).expect(201);

        expect(response.headers['x-request-id']).toBe('req-42');
        expect((await eventsOf(AWARD)).at(-1)?.metadata.correlationId).toBe('req-42');
      });
    });

    describe('when the auditor asks for the events as the log stood earlier', () => {
      it('cuts at a log position', async () => {
        const all = await eventsOf(AWARD);
        const response = await request(app.getHttpServer())
          .get(`/awards/${AWARD}/events?position=${all[2].position}`)
          .set('Authorization', bearer('auditor'))
          .expect(200);
        expect(response.body.events).toEqual(all.slice(0, 3));
      });

      it('answers 404 before the award was made', () =>
        refused(
          request(app.getHttpServer()).get(`/awards/${AWARD}/events?asAt=2000-01-01T00:00:00Z`).set('Authorization', bearer('auditor')),
          404,
          'AWARD_NOT_FOUND',
        ));

      it('refuses an as-at that is not a real instant', () =>
        refused(
          request(app.getHttpServer()).get(`/awards/${AWARD}/events?asAt=2022-02-30T00:00:00Z`).set('Authorization', bearer('auditor')),
          400,
          'INVALID_REQUEST',
        ));
    });
  });

  describe('the OpenAPI document', () => {
    it('documents every command route with fixture examples and its answers', async () => {
      const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
      const commandOperations = Object.entries(docs.body.paths as Record<string, Record<string, any>>).flatMap(
        ([path, item]) =>
          (['post', 'put'] as const).filter((method) => item[method] !== undefined).map((method) => ({ path, operation: item[method] })),
      ).filter(({ path }) => path.startsWith('/awards') || path.startsWith('/programmes'));

      expect(commandOperations.length).toBeGreaterThanOrEqual(14);
      for (const { path, operation } of commandOperations) {
        expect({ path, responses: Object.keys(operation.responses).sort() }).toEqual({
          path,
          responses: expect.arrayContaining(['200', '201', '400', '401', '403', '404', '409', '422']),
        });
        const examples = operation.requestBody.content['application/json'].examples;
        expect(Object.keys(examples).length).toBeGreaterThan(0);
      }
    });
  });
});
