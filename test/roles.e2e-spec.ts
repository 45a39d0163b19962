import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AccessTokenService, ROLES, type Role } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { type Side, ROUTE_ACCESS, WORLD, expectedAnswer, orgsFor, renderAccessMatrix } from './access-matrix';
import { configHomeIn, localTokensIn } from './local-tokens';

/**
 * Every operation of the OpenAPI document × every role × the caller's own organisation or another,
 * against the table in access-matrix.ts (which the README prints). The test fails for an operation
 * missing from the table, so a new route cannot ship without deciding who may call it.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface OpenApiDocument {
  readonly paths: Record<string, Partial<Record<Method, unknown>>>;
}

const operationsOf = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
  );

/** The ids each path parameter takes: everything in the world of OWN's award. */
const PATH_IDS: Readonly<Record<string, string>> = {
  awardId: WORLD.ownAward,
  programmeId: WORLD.programme,
  organisationId: WORLD.council,
  contributionId: 'm-council',
  grantId: 'g-1',
  disbursementId: 'd-1',
  index: '1',
  financialYear: '2021-22',
  quarter: '3',
  figure: 'available-funding',
};

const urlOf = (path: string): string => path.replace(/\{([^}]+)\}/g, (_whole, name: string) => PATH_IDS[name]);

const README = resolve(__dirname, '../README.md');
const MATRIX_START = '<!-- access-matrix:start -->';
const MATRIX_END = '<!-- access-matrix:end -->';

const routeCases = Object.entries(ROUTE_ACCESS);
const securedOperations = routeCases.filter(([, access]) => access.permission !== 'public').map(([operation]) => operation);
const publicOperations = routeCases.filter(([, access]) => access.permission === 'public').map(([operation]) => operation);

describe('who may see and change what (every operation × role × organisation)', () => {
  let dataDirectory: string;
  let app: INestApplication;
  let tokens: AccessTokenService;
  let operations: string[];
  let headBeforeMatrix: string;

  const http = () => request(app.getHttpServer());
  const bearer = (role: Role, orgs: string[], id = `matrix-${role}`) => `Bearer ${tokens.issue({ id, role, orgs })}`;
  const head = async (): Promise<string> => (await http().get('/health')).body.info.readModel.head as string;

  /** Records the world as its own officers would: each command through the API with their tokens. */
  const setUpWorld = async () => {
    const send = (role: Role, org: string, path: string, body: object) =>
      http().post(path).set('Authorization', bearer(role, [org], `setup-${role}`)).send(body).expect(201);
    const organisation = (id: string) => ({ id, name: id });
    await send('finance-officer', WORLD.funder, '/programmes', {
      commandId: 'matrix-001',
      programmeId: WORLD.programme,
      name: 'Matrix programme',
      funder: organisation(WORLD.funder),
      envelope: '500000.00',
      financialYear: '2021-22',
      openedOn: '2021-07-01',
    });
    for (const [awardId, recipient, n] of [
      [WORLD.ownAward, WORLD.ownRecipient, 2],
      [WORLD.otherAward, WORLD.otherRecipient, 3],
    ] as const) {
      await send('finance-officer', recipient, '/awards', {
        commandId: `matrix-00${n}`,
        awardId,
        programmeId: WORLD.programme,
        funder: organisation(WORLD.funder),
        recipient: organisation(recipient),
        amount: '100000.00',
        awardedOn: '2021-07-01',
        window: { start: '2021-10', end: '2022-05' },
        decisionRef: `D-${awardId}`,
        description: 'Matrix award',
      });
    }
    const own = `/awards/${WORLD.ownAward}`;
    await send('finance-officer', WORLD.ownRecipient, `${own}/match-funding`, {
      commandId: 'matrix-004',
      contributionId: 'm-council',
      contributor: organisation(WORLD.council),
      amount: '10000.00',
      pledgedOn: '2021-07-31',
      reference: 'D-council',
    });
    await send('finance-officer', WORLD.ownRecipient, `${own}/decisions`, {
      commandId: 'matrix-005',
      decisionRef: 'D-own',
      decidedOn: '2021-07-31',
      declared: { awardAmount: '100000.00' },
    });
    await send('s151-officer', WORLD.ownRecipient, `${own}/certificates`, {
      commandId: 'matrix-006',
      basis: 'b',
      regulationsComplied: true,
      officer: { id: 'cfo', name: 'Chief Finance Officer' },
      certifiedOn: '2021-08-02',
      decisionRef: 'D-own',
    });
  };

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'fundledger-roles-'));
    app = await createApp(
      loadApiConfig({
        FUNDLEDGER_DB: join(dataDirectory, 'ledger.sqlite'),
        XDG_CONFIG_HOME: configHomeIn(dataDirectory),
        LOG_LEVEL: 'silent',
        // This spec sends hundreds of bad tokens on purpose; edge.e2e-spec tests the limits themselves.
        FUNDLEDGER_AUTH_FAILURE_LIMIT: '100000',
        FUNDLEDGER_WRITE_LIMIT: '100000',
      }),
    );
    await app.init();
    tokens = localTokensIn(dataDirectory);
    operations = operationsOf((await http().get('/docs-json').expect(200)).body as OpenApiDocument);
    await setUpWorld();
    headBeforeMatrix = await head();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /**
   * Commands carry only the organisation a creating command names, always OWN's world (the caller of
   * another organisation is trying to create for it): passing every check ends in validation.
   */
  const send = (operation: string, authorization?: string, bodyOrgs: string[] = []) => {
    const [method, path] = operation.split(' ') as [string, string];
    const verb = method.toLowerCase() as Method;
    const pending = http()[verb](urlOf(path));
    if (authorization !== undefined) pending.set('Authorization', authorization);
    if (verb === 'get' || verb === 'delete') return pending;
    const scope = ROUTE_ACCESS[operation]?.scope;
    const body = scope === 'recipient' ? { recipient: { id: bodyOrgs[0] } } : scope === 'funder' ? { funder: { id: bodyOrgs[0] } } : {};
    return pending.send(body);
  };

  describe('the route table', () => {
    it('names every operation of the OpenAPI document', () => {
      expect(operations.filter((operation) => !(operation in ROUTE_ACCESS))).toEqual([]);
    });

    it('names no operation the document lacks (a renamed or removed route)', () => {
      expect(Object.keys(ROUTE_ACCESS).filter((operation) => !operations.includes(operation))).toEqual([]);
    });

    it('is the matrix the README prints (UPDATE_README=1 rewrites it)', () => {
      const readme = readFileSync(README, 'utf8');
      const start = readme.indexOf(MATRIX_START);
      const end = readme.indexOf(MATRIX_END);
      const printed = `${MATRIX_START}\n${renderAccessMatrix()}\n${MATRIX_END}`;
      if (process.env.UPDATE_README === '1' && start >= 0 && end > start) {
        writeFileSync(README, readme.slice(0, start) + printed + readme.slice(end + MATRIX_END.length));
        return;
      }
      expect(readme.slice(start, end + MATRIX_END.length)).toBe(printed);
    });
  });

  describe('the signing secret', () => {
    it('was created in the configuration directory, not beside the database, readable by its owner only', () => {
      const { mode } = statSync(join(configHomeIn(dataDirectory), 'fundledger', 'jwt-secret'));
      expect(mode & 0o777).toBe(0o600);
      expect(() => statSync(join(dataDirectory, 'jwt-secret'))).toThrow(/ENOENT/);
    });
  });

  describe('public routes', () => {
    it.each(['/docs', '/docs-json'])('%s answers without a token', async (path) => {
      expect((await http().get(path).redirects(1)).status).toBe(200);
    });

    it.each(publicOperations)('%s answers without a token', async (operation) => {
      expect([401, 403]).not.toContain((await send(operation)).status);
    });
  });

  describe.each(securedOperations)('%s', (operation) => {
    const expectUnauthorized = async (authorization: string | undefined, message: RegExp) => {
      const response = await send(operation, authorization);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHORIZED', message: expect.stringMatching(message) });
    };

    it('refuses a request without a token', () => expectUnauthorized(undefined, /^bearer token required/));

    it('refuses a token signed with another secret', () => {
      const forged = new AccessTokenService('not-the-service-secret-0123456789abcdef').issue({ id: 'mallory', role: 'finance-officer', orgs: [WORLD.ownRecipient] });
      return expectUnauthorized(`Bearer ${forged}`, /^bearer token signature is invalid: .*FUNDLEDGER_JWT_SECRET/);
    });

    it('refuses an expired token', () => {
      const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
      const expired = tokens.issue({ id: 'alice', role: 'finance-officer', orgs: [WORLD.ownRecipient] }, { now: yesterday, expiresIn: '8h' });
      return expectUnauthorized(`Bearer ${expired}`, /^bearer token expired at \d{4}-\d\d-\d\dT/);
    });

    const cases = ROLES.flatMap((role) => (['own', 'other'] as const).map((side): [Role, Side] => [role, side]));
    it.each(cases)('answers %s of the %s organisation as the matrix says', async (role, side) => {
      const orgs = orgsFor(ROUTE_ACCESS[operation], role, side);
      const expected = expectedAnswer(operation, role, side);
      const response = await send(operation, bearer(role, orgs), orgsFor(ROUTE_ACCESS[operation], role, 'own'));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: expected.status, code: expected.code });
      if (expected.withoutOwnAward === true) expect(JSON.stringify(response.body)).not.toContain(WORLD.ownAward);
    });
  });

  describe('after the whole matrix', () => {
    it('has recorded nothing', async () => {
      expect(await head()).toBe(headBeforeMatrix);
    });
  });
});
