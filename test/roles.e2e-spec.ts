import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService, Permission, ROLES, mayPerform } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * What every operation of the HTTP API needs, keyed "METHOD /path" exactly as the OpenAPI document
 * at /docs-json spells it (path parameters in braces). The test fails for an operation missing here,
 * so a new route cannot ship without deciding who may call it.
 *
 * Conventions (DESIGN §6):
 *   POST/PUT under /awards and /programmes           record
 *     except .../certificates                        certify
 *     and    .../returns                             submit-returns
 *   GET (queries and reports)                        read
 *   POST /verify                                     verify
 *   'public' (no token at all): only /health; /docs and /docs-json are served outside the controllers.
 */
const ROUTE_PERMISSIONS: Readonly<Record<string, Permission | 'public'>> = {
  'GET /health': 'public',
  // Ledger commands and the award's event log (apps/api/src/programmes, apps/api/src/awards)
  'POST /programmes': 'record',
  'POST /awards': 'record',
  'POST /awards/{awardId}/variations': 'record',
  'POST /awards/{awardId}/match-funding': 'record',
  'POST /awards/{awardId}/match-funding/{contributionId}/receipts': 'record',
  'POST /awards/{awardId}/match-funding/{contributionId}/withdrawals': 'record',
  'POST /awards/{awardId}/grants': 'record',
  'POST /awards/{awardId}/grants/{grantId}/variations': 'record',
  'POST /awards/{awardId}/grants/{grantId}/disbursements': 'record',
  'POST /awards/{awardId}/disbursements/{disbursementId}/reversals': 'record',
  'POST /awards/{awardId}/provision-extensions': 'record',
  'PUT /awards/{awardId}/spend-profile': 'record',
  'POST /awards/{awardId}/decisions': 'record',
  'POST /awards/{awardId}/closure': 'record',
  'GET /awards/{awardId}/events': 'read',
  // Section 151 certificates and Home Office returns (apps/api/src/certificates, apps/api/src/returns)
  'POST /awards/{awardId}/certificates': 'certify',
  'GET /awards/{awardId}/certificates/{index}': 'read',
  'GET /awards/{awardId}/certificates/{index}/pdf': 'read',
  'POST /awards/{awardId}/returns': 'submit-returns',
  'GET /awards/{awardId}/returns/{financialYear}/{quarter}': 'read',
  // Reports (apps/api/src/queries)
  'GET /awards/{awardId}': 'read',
  'GET /awards/{awardId}/funded-months': 'read',
  'GET /awards/{awardId}/decision-checks': 'read',
  'GET /programmes/{programmeId}': 'read',
  'GET /contributors/{organisationId}/statement': 'read',
  // The audit anchors (apps/api/src/audit)
  'GET /audit/checkpoint': 'verify',
  'POST /audit/verify': 'verify',
};

/** Path parameters become an id nothing has: authorisation is decided before the id is looked up. */
const UNKNOWN_ID = 'roles-e2e-unknown';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface OpenApiDocument {
  readonly paths: Record<string, Partial<Record<Method, unknown>>>;
}

const operationsOf = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => `${method.toUpperCase()} ${path}`),
  );

const routeCases = Object.entries(ROUTE_PERMISSIONS);
const securedCases = routeCases.filter(
  (entry): entry is [string, Permission] => entry[1] !== 'public',
);
const publicCases = routeCases.filter(([, permission]) => permission === 'public').map(([operation]) => operation);

describe('roles (every operation of the HTTP API)', () => {
  let dataDirectory: string;
  let app: INestApplication;
  let tokens: AccessTokenService;
  let operations: string[];

  beforeAll(async () => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'fundledger-roles-'));
    app = await createApp(loadApiConfig({ FUNDLEDGER_DB: join(dataDirectory, 'ledger.sqlite'), LOG_LEVEL: 'silent' }));
    await app.init();
    // The secret the service made for itself on first start, as `cli token` would read it.
    tokens = new AccessTokenService(readFileSync(join(dataDirectory, 'jwt-secret'), 'utf8').trim());
    const docs = await request(app.getHttpServer()).get('/docs-json').expect(200);
    operations = operationsOf(docs.body as OpenApiDocument);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  /** Sends the operation with an empty body: a 400/404/422 still proves the request got past authorisation. */
  const send = (operation: string, authorization?: string) => {
    const [method, path] = operation.split(' ') as [string, string];
    const url = path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
    const verb = method.toLowerCase() as Method;
    const pending = request(app.getHttpServer())[verb](url);
    if (authorization !== undefined) pending.set('Authorization', authorization);
    return verb === 'get' || verb === 'delete' ? pending : pending.send({});
  };

  describe('the route table', () => {
    it('names every operation of the OpenAPI document', () => {
      const missing = operations.filter((operation) => !(operation in ROUTE_PERMISSIONS));
      expect(missing).toEqual([]);
    });

    it('names no operation the document lacks (a renamed or removed route)', () => {
      const stale = Object.keys(ROUTE_PERMISSIONS).filter((operation) => !operations.includes(operation));
      expect(stale).toEqual([]);
    });
  });

  describe('the signing secret', () => {
    it('was created in the data directory on first start, readable by its owner only', () => {
      const { mode } = statSync(join(dataDirectory, 'jwt-secret'));
      if (process.platform !== 'win32') expect(mode & 0o777).toBe(0o600);
    });
  });

  describe('public routes', () => {
    it.each(['/docs', '/docs-json'])('%s answers without a token', async (path) => {
      const response = await request(app.getHttpServer()).get(path).redirects(1);
      expect(response.status).toBe(200);
    });

    for (const operation of publicCases) {
      it(`${operation} answers without a token`, async () => {
        const response = await send(operation);
        expect([401, 403]).not.toContain(response.status);
      });
    }
  });

  // Loops, not .each: jest refuses an empty table, and until the ledger routes exist this one is.
  for (const [operation, permission] of securedCases) {
    describe(`${operation} (needs ${permission})`, () => {
      const expectUnauthorized = async (authorization: string | undefined, message: RegExp) => {
        const response = await send(operation, authorization);
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          code: 'UNAUTHORIZED',
          message: expect.stringMatching(message),
        });
      };

      it('refuses a request without a token', () => expectUnauthorized(undefined, /^bearer token required/));

      it('refuses a token signed with another secret', () => {
        const forged = new AccessTokenService('not-the-service-secret-0123456789abcdef').issue({ id: 'mallory', role: 'finance-officer' });
        return expectUnauthorized(`Bearer ${forged}`, /^bearer token signature is invalid$/);
      });

      it('refuses an expired token', () => {
        const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
        const expired = tokens.issue({ id: 'alice', role: 'finance-officer' }, { now: yesterday, expiresIn: '8h' });
        return expectUnauthorized(`Bearer ${expired}`, /^bearer token expired at \d{4}-\d\d-\d\dT/);
      });

      it.each([...ROLES])('answers %s according to the permission table', async (role) => {
        const response = await send(operation, `Bearer ${tokens.issue({ id: `e2e-${role}`, role })}`);
        if (mayPerform(role, permission)) {
          expect([401, 403]).not.toContain(response.status);
        } else {
          expect(response.status).toBe(403);
          expect(response.body).toEqual({
            statusCode: 403,
            error: 'Forbidden',
            code: 'FORBIDDEN',
            message: `role ${role} may not ${permission}`,
          });
        }
      });
    });
  }
});
