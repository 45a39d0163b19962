import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { runBuiltCli } from './built-cli';
import { configHomeIn } from './local-tokens';

/**
 * A newcomer's first call: a token printed by the CLI, sent to the service. With no
 * FUNDLEDGER_JWT_SECRET each signs with the jwt-secret file of its configuration directory, so the
 * CLI must see the service's; when it does not, the refusal says so.
 */
describe('a token made with the CLI, sent to the service', () => {
  let directory: string;
  let app: INestApplication;
  const serviceDb = () => join(directory, 'service', 'ledger.sqlite');

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-cli-token-'));
    const config = { FUNDLEDGER_DB: serviceDb(), XDG_CONFIG_HOME: configHomeIn(join(directory, 'service')), LOG_LEVEL: 'silent' };
    app = await createApp(loadApiConfig(config));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const tokenFor = async (home: string): Promise<string> => {
    const run = await runBuiltCli(['--db', serviceDb(), 'token', '--role', 'auditor', '--org', '*', '--sub', 'newcomer'], {
      cwd: directory,
      env: { XDG_CONFIG_HOME: configHomeIn(join(directory, home)) },
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return run.stdout.trim();
  };

  const readAward = (token: string) =>
    request(app.getHttpServer()).get('/awards/never-made').set('Authorization', `Bearer ${token}`);

  it('is accepted when the CLI used the service’s configuration directory', async () => {
    const response = await readAward(await tokenFor('service'));

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('AWARD_NOT_FOUND');
  });

  it('is refused when the CLI used another configuration directory, with what the two must share', async () => {
    const response = await readAward(await tokenFor('elsewhere'));

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
    expect(response.body.message).toContain('bearer token signature is invalid');
    expect(response.body.message).toContain('share FUNDLEDGER_JWT_SECRET');
    expect(response.body.message).toContain('the configuration directory (the same XDG_CONFIG_HOME or home directory)');
  });
});
