import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { loadApiConfig } from '../../apps/api/src/config/api.config';
import { readCommandScript } from '../../apps/cli/src/import/command-script';
import { runImport } from '../../apps/cli/src/import/import.runner';
import { configHomeIn } from '../local-tokens';

const QUIET = { start: () => undefined, advance: () => undefined, stop: () => undefined };

/** The service on a temporary store, its configuration (and signing secret) in the same temporary folder. */
export const startPagesService = async (): Promise<{ app: INestApplication; directory: string; close: () => Promise<void> }> => {
  const directory = mkdtempSync(join(tmpdir(), 'fundledger-pages-'));
  const app = await createApp(
    loadApiConfig({ FUNDLEDGER_DB: join(directory, 'ledger.sqlite'), XDG_CONFIG_HOME: configHomeIn(directory), LOG_LEVEL: 'silent' }),
  );
  await app.init();
  return {
    app,
    directory,
    close: async () => {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

/** Records published fixture scripts through the command bus, as `fundledger import` does. */
export const importFixtures = async (app: INestApplication, ...names: string[]): Promise<void> => {
  const summary = await runImport(
    names.map((name) => readCommandScript(join(__dirname, '..', '..', 'fixtures', name))),
    { commandBus: app.get(CommandBus), store: app.get<EventStore>(EVENT_STORE), actor: { id: 'fixture-import', role: 'finance-officer' }, progress: QUIET },
  );
  if (summary.total.rejected > 0) throw new Error(`fixtures rejected: ${JSON.stringify(summary)}`);
};

/** The value of a form field in a rendered page. */
export const fieldIn = (html: string, name: string): string => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (match === null) throw new Error(`no field ${name} in the page`);
  return match[1];
};

/** A local sign-in as a browser makes it (the sign-in page's token and cookie, then the form): the session cookie. */
export const signedInCookie = async (app: INestApplication, name: string, role: string, organisation: string): Promise<string> => {
  const page = await request(app.getHttpServer()).get('/app/sign-in').expect(200);
  const answer = await request(app.getHttpServer())
    .post('/app/sign-in')
    .set('Cookie', String(page.headers['set-cookie']).split(';')[0])
    .type('form')
    .send({ csrf: fieldIn(page.text, 'csrf'), name, role, organisation, next: '/app/awards' })
    .expect(303);
  return String(answer.headers['set-cookie']).split(';')[0];
};
