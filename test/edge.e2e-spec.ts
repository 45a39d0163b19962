import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * The hardened edge: what reaches the service before any command is parsed. Every bad input gets its
 * own 4xx in the one error shape and leaves the log exactly as it was.
 */
const SECRET = 'edge-e2e-signing-secret-0123456789abcdef';
const tokens = new AccessTokenService(SECRET);
const finance = `Bearer ${tokens.issue({ id: 'edge-finance', role: 'finance-officer', orgs: ['home-office'] })}`;

const PROGRAMME = {
  commandId: 'edge-001',
  programmeId: 'edge-programme',
  name: 'Edge programme',
  funder: { id: 'home-office', name: 'Home Office' },
  envelope: '1000.00',
  financialYear: '2021-22',
  openedOn: '2021-07-01',
};

const startApp = async (directory: string, env: Record<string, string> = {}): Promise<INestApplication> => {
  const app = await createApp(
    loadApiConfig({ FUNDLEDGER_DB: join(directory, 'data', 'ledger.sqlite'), FUNDLEDGER_JWT_SECRET: SECRET, LOG_LEVEL: 'silent', ...env }),
  );
  await app.init();
  return app;
};

describe('the hardened edge', () => {
  let directory: string;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());
  const head = async (): Promise<string> => (await http().get('/health')).body.info.readModel.head as string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-edge-'));
    app = await startApp(directory);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  describe('security headers', () => {
    it('sends nosniff, frame, HSTS, referrer and content-security headers', async () => {
      const response = await http().get('/health');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        'referrer-policy': 'no-referrer',
      });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('lets the Swagger UI load under its CSP: every script comes from the service itself', async () => {
      const page = await http().get('/docs/').expect(200);
      const csp = page.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      const scripts = [...(page.text as string).matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const source = /src="([^"]+)"/.exec(attributes)?.[1] ?? '';
        expect(source).not.toMatch(/^(https?:)?\/\//);
        await http().get(`/docs/${source.replace(/^\.?\//, '')}`).expect(200);
      }
    });
  });

  describe('bad input, refused before validation and never recorded', () => {
    const post = (body: string | Buffer, type = 'application/json') =>
      // Sent as the bytes given: superagent would otherwise serialise a Buffer as JSON.
      http().post('/programmes').set('Authorization', finance).set('Content-Type', type).serialize((raw: unknown) => raw as string).send(body);

    const expectRefused = async (sent: Promise<request.Response>, status: number, code: string) => {
      const before = await head();
      const response = await sent;
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
      expect(await head()).toBe(before);
    };

    it('refuses a body nested 3,000 levels deep with 400 JSON_TOO_DEEP, not a 500', () =>
      expectRefused(post(`${'['.repeat(3000)}${']'.repeat(3000)}`), 400, 'JSON_TOO_DEEP'));

    it('accepts 64 levels of nesting as far as the parser is concerned', async () => {
      const response = await post(JSON.stringify({ ...PROGRAMME, name: 'x', extra: JSON.parse(`${'['.repeat(63)}${']'.repeat(63)}`) }));
      expect(response.body.code).toBe('INVALID_REQUEST');
    });

    it('refuses 65 levels, one past the limit', () =>
      expectRefused(post(JSON.stringify({ ...PROGRAMME, extra: JSON.parse(`${'['.repeat(64)}${']'.repeat(64)}`) })), 400, 'JSON_TOO_DEEP'));

    it('does not count brackets inside strings', async () => {
      const response = await post(JSON.stringify({ ...PROGRAMME, name: '['.repeat(100), extra: true }));
      expect(response.body.code).toBe('INVALID_REQUEST');
    });

    it.each([
      ['__proto__', `{"commandId":"edge-p1","__proto__":{"admin":true}}`],
      ['constructor', `{"commandId":"edge-p2","funder":{"constructor":{"prototype":{}}}}`],
      ['prototype', `{"commandId":"edge-p3","prototype":1}`],
    ])('refuses a %s key with 400 FORBIDDEN_KEY', (_key, body) => expectRefused(post(body), 400, 'FORBIDDEN_KEY'));

    it('refuses a form body with 415 UNSUPPORTED_MEDIA_TYPE', () =>
      expectRefused(post('commandId=edge-form&programmeId=p', 'application/x-www-form-urlencoded'), 415, 'UNSUPPORTED_MEDIA_TYPE'));

    it('refuses a write with no content type with 415', () =>
      expectRefused(http().post('/programmes').set('Authorization', finance), 415, 'UNSUPPORTED_MEDIA_TYPE'));

    it('refuses invalid UTF-8 with 400 INVALID_UTF8 rather than storing U+FFFD', () => {
      const json = Buffer.from(JSON.stringify({ ...PROGRAMME, commandId: 'edge-utf8', name: 'Caf__' }));
      const at = json.indexOf('__');
      json[at] = 0xc3;
      json[at + 1] = 0x28;
      return expectRefused(post(json), 400, 'INVALID_UTF8');
    });

    it('refuses a byte-order mark with 400 BYTE_ORDER_MARK', () =>
      expectRefused(post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(PROGRAMME))])), 400, 'BYTE_ORDER_MARK'));

    it('still records the same command sent cleanly', async () => {
      await post(JSON.stringify(PROGRAMME)).expect(201);
    });
  });

  describe('CORS', () => {
    it('is closed when no origins are configured', async () => {
      const response = await http()
        .options('/programmes')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('files', () => {
    it('creates the event store and the read model 0600 in a directory 0700', () => {
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(join(directory, 'data'))).toBe(0o700);
      expect(mode(join(directory, 'data', 'ledger.sqlite'))).toBe(0o600);
      expect(mode(join(directory, 'data', 'ledger.read-models.sqlite'))).toBe(0o600);
      expect(mode(join(directory, 'data', 'ledger.sqlite-wal'))).toBe(0o600);
    });
  });
});

describe('the edge with limits and origins configured', () => {
  let directory: string;
  let app: INestApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-edge-limits-'));
    app = await startApp(directory, {
      FUNDLEDGER_WRITE_LIMIT: '3',
      FUNDLEDGER_AUTH_FAILURE_LIMIT: '3',
      FUNDLEDGER_CORS_ORIGINS: 'https://finance.example.gov.uk, http://localhost:8080',
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers a listed origin and no other', async () => {
    const preflight = (origin: string) =>
      http().options('/programmes').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    expect((await preflight('https://finance.example.gov.uk')).headers['access-control-allow-origin']).toBe(
      'https://finance.example.gov.uk',
    );
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 429 with Retry-After, in the error shape, to the write past the limit, and keeps reads open', async () => {
    for (let n = 1; n <= 3; n += 1) {
      await http().post('/programmes').set('Authorization', finance).send({ ...PROGRAMME, commandId: `edge-limit-${n}` });
    }
    const refused = await http().post('/programmes').set('Authorization', finance).send({ ...PROGRAMME, commandId: 'edge-limit-4' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^too many commands from this client; retry after \d+ s$/),
      details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
    });
    await http().get('/programmes/edge-programme').set('Authorization', finance).expect(200);
  });

  it('answers 429 after too many failed authentications, then even to a valid token', async () => {
    for (let n = 1; n <= 3; n += 1) {
      await http().get('/programmes/edge-programme').set('Authorization', 'Bearer forged.token.here').expect(401);
    }
    const refused = await http().get('/programmes/edge-programme').set('Authorization', 'Bearer forged.token.here');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^too many failed authentications from this client; retry after \d+ s$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await http().get('/programmes/edge-programme').set('Authorization', finance).expect(429);
  });
});
