import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEDGER_CHECKPOINT, LEDGER_VIEW_CODEC_VERSION, REPORT_PROJECTIONS, ReadModelStore } from '@fundledger/projections';
import { fixturePath } from '@fundledger/testing';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { runBuiltCli, type CliRun } from './built-cli';
import { configHomeIn, localTokensIn } from './local-tokens';


/*
 * The read model is a cache of the log: the service keeps it current as events arrive, `rebuild`
 * folds it again from nothing, and deleting the file is always safe. Whichever way the rows were
 * written, they are the same rows.
 */
describe('the read model file (the service and `fundledger rebuild`)', () => {
  let directory: string;
  let db: string;
  let readDb: string;
  let env: Record<string, string>;

  beforeAll(() => {
  });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-rebuild-e2e-'));
    db = join(directory, 'ledger.sqlite');
    readDb = join(directory, 'ledger.read-models.sqlite');
    env = { FUNDLEDGER_DB: db, XDG_CONFIG_HOME: configHomeIn(directory), LOG_LEVEL: 'silent' };
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (...args: string[]): Promise<CliRun> => runBuiltCli(args, { cwd: directory, env });

  const importFixtures = async (...names: string[]) => {
    const run = await cli('import', ...names.map((name) => fixturePath(name)));
    expect(run.code).toBe(0);
  };

  /** Starts the service, waits (through a query) until its read model reached the head, and stops it. */
  const serviceFollows = async (headPosition: string): Promise<void> => {
    const app: INestApplication = await createApp(loadApiConfig(env));
    try {
      await app.init();
      const token = localTokensIn(directory).issue({ id: 'e2e', role: 'auditor', orgs: ['*'] });
      const response = await request(app.getHttpServer())
        .get('/programmes/dapi-2021')
        .query({ minPosition: headPosition })
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(response.body.answeredAt.position).toBe(headPosition);
    } finally {
      await app.close();
    }
  };

  const head = async (): Promise<string> => /head position: (\S+)/.exec((await cli('status')).stdout)?.[1] ?? 'none';

  const persisted = (path = readDb) => {
    const readModels = ReadModelStore.open(path, `ledger-view-${LEDGER_VIEW_CODEC_VERSION}`);
    try {
      return {
        rows: readModels.rows(),
        reports: REPORT_PROJECTIONS.flatMap((projection) => readModels.reportRows(projection.name)),
        checkpoint: readModels.checkpoint(LEDGER_CHECKPOINT),
      };
    } finally {
      readModels.close();
    }
  };

  it('rebuild writes, row for row, what the service wrote as events arrived across a restart', async () => {
    await importFixtures('national-2021');
    await serviceFollows(await head());
    // Recorded while the service is down: on its next start it continues from its checkpoint.
    await importFixtures('cleveland-2021');
    await serviceFollows(await head());
    const followed = persisted();
    expect(followed.rows).toHaveLength(26);
    expect(followed.reports.length).toBeGreaterThan(3 * 25);

    const run = await cli('rebuild');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^read model: ${readDb.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n` +
          'events folded: 37 \\(to position 37\\)\n' +
          'rows written: 25 awards, 1 programme\n' +
          'transactions: 1 \\(the log read in batches of 5000 events\\)\n' +
          'time taken: \\d+ ms\n$',
      ),
    );
    expect(persisted()).toEqual(followed);
  });

  it('a deleted read-model file is folded again from the log by the next start', async () => {
    await importFixtures('national-2021', 'cleveland-2021');
    await serviceFollows(await head());
    const followed = persisted();
    rmSync(readDb);
    for (const suffix of ['-wal', '-shm']) rmSync(`${readDb}${suffix}`, { force: true });

    await serviceFollows(await head());
    expect(persisted()).toEqual(followed);
  });

  it('rebuild creates the file when there is none, and folds an empty log to nothing', async () => {
    const run = await cli('rebuild');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('events folded: 0 (to position -1)\nrows written: 0 awards, 0 programmes\n');
    expect(persisted()).toEqual({ rows: [], reports: [], checkpoint: undefined });
  });

  it('FUNDLEDGER_READ_DB puts the file elsewhere, for the service and the CLI alike', async () => {
    const elsewhere = join(directory, 'cache', 'views.sqlite');
    env = { ...env, FUNDLEDGER_READ_DB: elsewhere };
    await importFixtures('national-2021');
    await serviceFollows(await head());
    const followed = persisted(elsewhere);
    expect(existsSync(readDb)).toBe(false);

    const run = await cli('rebuild');
    expect(run.stdout).toContain(`read model: ${elsewhere}\n`);
    expect(persisted(elsewhere)).toEqual(followed);
  });
});
