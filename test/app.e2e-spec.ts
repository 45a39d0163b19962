import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@fundledger/event-store';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { version } from '../package.json';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

describe('the HTTP service on an embedded SQLite store', () => {
  let dir: string;
  let file: string;
  let app: INestApplication | undefined;
  let store: EventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-app-'));
    file = join(dir, 'ledger.sqlite');
    app = await createApp(loadApiConfig({ FUNDLEDGER_DB: file, XDG_CONFIG_HOME: join(dir, 'config'), LOG_LEVEL: 'silent' }));
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);
  });

  afterEach(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const server = () => (app as INestApplication).getHttpServer();

  describe('GET /health', () => {
    it('answers 200 and names the store when it answers', async () => {
      const response = await request(server()).get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', details: { store: { status: 'up', kind: 'sqlite' } } });
    });

    it('answers 503 and says the store is down when it does not', async () => {
      await store.close();
      const response = await request(server()).get('/health').expect(503);
      expect(response.body).toMatchObject({ status: 'error', error: { store: { status: 'down', kind: 'sqlite' } } });
      expect(response.body.error.store.message).toMatch(/closed/);
    });

    it('needs no token', async () => {
      await request(server()).get('/health').set('Authorization', 'Bearer not-a-token').expect(200);
    });
  });

  describe('request ids', () => {
    it('keeps the id a caller sends', async () => {
      const response = await request(server()).get('/health').set('x-request-id', 'trace-42').expect(200);
      expect(response.headers['x-request-id']).toBe('trace-42');
    });

    it('issues one when the caller sends none or an unusable one', async () => {
      const response = await request(server()).get('/health').set('x-request-id', 'bad id\twith spaces').expect(200);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('the OpenAPI document', () => {
    it('is served at /docs-json with the service title, version and bearer auth', async () => {
      const response = await request(server()).get('/docs-json').expect(200);
      expect(response.body).toMatchObject({
        openapi: expect.stringMatching(/^3\./),
        info: { title: 'fundledger', version },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      });
      expect(response.body.info.description).toMatch(/match funding/);
      expect(Object.keys(response.body.paths)).toContain('/health');
    });

    it('is browsable at /docs', async () => {
      const response = await request(server()).get('/docs').expect(200);
      expect(response.text).toMatch(/swagger-ui/i);
    });
  });

  describe('closing the application', () => {
    it('closes the store, which checkpoints and removes its write-ahead log', async () => {
      await store.ping();
      expect(existsSync(`${file}-wal`)).toBe(true);

      await (app as INestApplication).close();
      app = undefined;

      await expect(store.ping()).rejects.toThrow(/closed/);
      expect(existsSync(`${file}-wal`)).toBe(false);
    });
  });
});
