import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EVENT_STORE, hashCommandBody, type EventStore, type JsonObject, type RecordedEvent } from '@fundledger/event-store';
import { parseFundingCommand } from '@fundledger/funding';
import { MONTHS_FUNDED_ROUNDING } from '@fundledger/projections';
import { RecordFundingCommand } from '@fundledger/funding/application';
import { loadFixtureScript } from '@fundledger/testing';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';
import { runBuiltCli, type CliRun } from './built-cli';
import { configHomeIn, localTokensIn } from './local-tokens';

const CLEVELAND = 'dapi21-cleveland';

/*
 * The reports over HTTP and from the CLI, on the published fixtures (national-2021, then
 * cleveland-2021) recorded through the command bus, as the API and `import` record them. Figures are
 * those of libs/projections/src/funded-months/funded-months.cleveland.spec.ts and of the fixtures' notes.
 */
describe('reports (HTTP and the built CLI)', () => {
  let directory: string;
  let file: string;
  let app: INestApplication;
  let token: string;
  let store: EventStore;
  let head: bigint;
  /** An instant after the national announcement was recorded and before Cleveland's decision was. */
  let beforeCleveland: string;
  let variation: RecordedEvent;
  let closed = false;

  const record = async (name: string): Promise<void> => {
    for (const { commandId, type, ...body } of loadFixtureScript(name).commands) {
      const envelope = { commandId, commandHash: hashCommandBody(type, body as JsonObject), actor: { id: 'e2e', role: 'finance-officer' } };
      await app.get(CommandBus).execute(new RecordFundingCommand(parseFundingCommand(type, body), envelope));
    }
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-reports-e2e-'));
    file = join(directory, 'ledger.sqlite');
    app = await createApp(
      loadApiConfig({ FUNDLEDGER_DB: file, XDG_CONFIG_HOME: configHomeIn(directory), FUNDLEDGER_READ_WAIT_MS: '300', LOG_LEVEL: 'silent' }),
    );
    await app.init();
    token = localTokensIn(directory).issue({ id: 'e2e-auditor', role: 'auditor', orgs: ['*'] });
    store = app.get<EventStore>(EVENT_STORE);

    await record('national-2021');
    await sleep(5);
    beforeCleveland = new Date().toISOString();
    await sleep(5);
    await record('cleveland-2021');
    head = await store.headPosition();
    for await (const event of store.readStream(`award-${CLEVELAND}`)) if (event.type === 'AwardVaried') variation = event;
  });

  afterAll(async () => {
    if (!closed) await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Reads the current ledger once the read model has folded everything recorded above. */
  const get = (path: string) =>
    request(app.getHttpServer())
      .get(path)
      .query(path.includes('?') ? {} : { minPosition: head.toString() })
      .set('Authorization', `Bearer ${token}`);

  describe('GET /awards/:awardId/funded-months', () => {
    it("reconciles Cleveland's 13 months: 12.3148 funded, 15,581.84 short from October 2022", async () => {
      const response = await get(`/awards/${CLEVELAND}/funded-months`).expect(200);
      expect(response.body.totals).toEqual({
        cost: '295617.00',
        funded: '280035.16',
        shortfall: '15581.84',
        fundedMonths: '12.3148',
        monthsFundedRounding: MONTHS_FUNDED_ROUNDING,
        firstShortfallMonth: '2022-10',
      });
      expect(response.body.months.map((m: { cost: string }) => m.cost)).toEqual([...Array<string>(12).fill('22739.77'), '22739.76']);
      expect(response.body.sources[0]).toMatchObject({ sourceId: 'home-office', used: '181918.16', lapsed: '18206.50' });
    });

    it('says which position it was answered at, in the body and the headers', async () => {
      const response = await get(`/awards/${CLEVELAND}/funded-months`).expect(200);
      expect(response.body.answeredAt).toEqual({ position: head.toString(), recordedAt: expect.any(String), asOf: null, knownAt: null });
      expect(response.headers['x-ledger-position']).toBe(head.toString());
      expect(response.headers['x-ledger-recorded-at']).toBe(response.body.answeredAt.recordedAt);
    });

    it('answers CSV for Accept: text/csv and for ?format=csv alike', async () => {
      const byHeader = await get(`/awards/${CLEVELAND}/funded-months`).set('Accept', 'text/csv').expect(200);
      const byQuery = await get(`/awards/${CLEVELAND}/funded-months?format=csv`).expect(200);
      expect(byHeader.headers['content-type']).toMatch(/^text\/csv/);
      expect(byHeader.headers['x-ledger-position']).toBe(head.toString());
      expect(byQuery.text).toBe(byHeader.text);
      const lines = byHeader.text.trim().split('\n');
      expect(lines[0]).toMatch(/^month,cost,/);
      expect(lines).toContain('2022-10,22739.76,0.00,2780.75,1094.29,1094.30,1094.29,1094.29,15581.84');
      expect(lines[lines.length - 1]).toMatch(/^total,295617.00,181918.16,/);
    });
  });

  describe('GET /awards/:awardId/decision-checks', () => {
    it('shows the decision stating 1,000.00 more in grants than its lines add up to', async () => {
      const response = await get(`/awards/${CLEVELAND}/decision-checks`).expect(200);
      const [decision] = response.body.decisions;
      expect(decision.decisionRef).toBe('2021-7335');
      expect(decision.figures).toContainEqual({
        figure: 'grantsTotal',
        atDecision: { declared: '296617.00', ledger: '295617.00', status: 'mismatch', difference: '1000.00' },
        now: { declared: '296617.00', ledger: '295617.00', status: 'mismatch', difference: '1000.00' },
      });
      expect(response.body.amountVariations).toEqual([expect.objectContaining({ from: '200333.33', to: '200124.66', difference: '-208.67' })]);
    });

    it('as CSV', async () => {
      const response = await get(`/awards/${CLEVELAND}/decision-checks?format=csv`).expect(200);
      expect(response.text).toContain('2021-7335,grantsTotal,296617.00,295617.00,mismatch,1000.00');
    });
  });

  describe('GET /programmes/:programmeId', () => {
    it('totals 25 awards at 11,334,176.02: 34,176.02 over the 11.3m envelope', async () => {
      const response = await get('/programmes/dapi-2021').expect(200);
      expect(response.body).toMatchObject({
        envelope: '11300000.00',
        awards: { count: 25, total: '11334176.02' },
        envelopeDifference: { kind: 'over', amount: '34176.02' },
      });
    });
  });

  describe('GET /contributors/:organisationId/statement', () => {
    it("lists Hartlepool's pledge to Cleveland and what it pays for", async () => {
      const response = await get('/contributors/hartlepool-council/statement').expect(200);
      expect(response.body.contributions).toEqual([
        expect.objectContaining({ awardId: CLEVELAND, contributionId: 'm-hartlepool', pledged: '15000.00', received: '0.00', plannedUse: '15000.00' }),
      ]);
    });

    it('answers 404 for an organisation that pledged nothing', async () => {
      const response = await get('/contributors/nobody/statement').expect(404);
      expect(response.body).toMatchObject({ code: 'CONTRIBUTOR_NOT_FOUND', message: 'organisation nobody has pledged no match funding' });
    });
  });

  describe('GET /awards/:awardId', () => {
    it("shows Cleveland's position with its amount history", async () => {
      const response = await get(`/awards/${CLEVELAND}`).expect(200);
      expect(response.body.awarded.current).toBe('200124.66');
      expect(response.body.committed).toBe('295617.00');
    });

    it('answers 404 for an award never made', async () => {
      const response = await get('/awards/dapi21-atlantis').expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'AWARD_NOT_FOUND', message: 'award dapi21-atlantis has not been made' });
    });
  });

  describe('as at a moment before the local decision', () => {
    it('?asAt shows the amount announced nationally, and says so', async () => {
      const response = await get(`/awards/${CLEVELAND}?asAt=${beforeCleveland}`).expect(200);
      expect(response.body.awarded.current).toBe('200333.33');
      expect(response.body.committed).toBe('0.00');
      expect(response.body.answeredAt).toMatchObject({ knownAt: beforeCleveland, asOf: null });
      expect(BigInt(response.body.answeredAt.position)).toBeLessThan(variation.position);
    });

    it('?position just before the variation shows 200,333.33; at it, 200,124.66', async () => {
      const before = await get(`/awards/${CLEVELAND}?position=${variation.position - 1n}`).expect(200);
      const at = await get(`/awards/${CLEVELAND}?position=${variation.position}`).expect(200);
      expect([before.body.awarded.current, at.body.awarded.current]).toEqual(['200333.33', '200124.66']);
      expect(at.headers['x-ledger-position']).toBe(variation.position.toString());
    });

    it('the programme total moves with it', async () => {
      const response = await get(`/programmes/dapi-2021?asAt=${beforeCleveland}`).expect(200);
      expect(response.body.awards.total).toBe('11334384.69');
    });

    it('an award not yet made is 404 as at that moment', async () => {
      const response = await get(`/awards/${CLEVELAND}?position=1`).expect(404);
      expect(response.body.message).toBe(`award ${CLEVELAND} has not been made as known at position 1`);
    });
  });

  describe('as of a business date', () => {
    it('?asOf answers with what had happened by then, and says so in the body and the headers', async () => {
      // The fixtures date the national award 2021-07-01 and Cleveland's decision, and all it records, 2021-07-31.
      const response = await get(`/awards/${CLEVELAND}?asOf=2021-07-30`).expect(200);
      expect(response.body).toMatchObject({ awarded: { current: '200333.33' }, committed: '0.00' });
      expect(response.body.answeredAt).toMatchObject({ asOf: '2021-07-30', knownAt: null });
      expect(response.headers['x-ledger-as-of']).toBe('2021-07-30');
    });

    it('combines asOf with knownAt: as of the decision, as known before it was recorded', async () => {
      const response = await get(`/awards/${CLEVELAND}?asOf=2021-07-31&knownAt=${beforeCleveland}`).expect(200);
      expect(response.body.awarded.current).toBe('200333.33');
      expect(response.body.answeredAt).toMatchObject({ asOf: '2021-07-31', knownAt: beforeCleveland });
    });

    it('refuses an asOf that is not a date, or still to come', async () => {
      await get(`/awards/${CLEVELAND}?asOf=2022-02-30`).expect(400);
      const future = await get(`/awards/${CLEVELAND}?asOf=2999-01-01`).expect(400);
      expect(future.body).toMatchObject({ code: 'INVALID_READ_POINT' });
    });

    it('traces a figure to the events that make it up', async () => {
      const response = await get(`/awards/${CLEVELAND}/figures/available-funding/lineage`).expect(200);
      expect(response.body).toMatchObject({ figure: 'available-funding', value: '298241.66', answeredAt: { asOf: null } });
      expect(response.body.terms).toHaveLength(7);
      expect(response.body.explanation).toMatch(/^available funding £298,241\.66 = £200,333\.33 AwardMade/);
      const unknown = await get(`/awards/${CLEVELAND}/figures/profit/lineage`).expect(404);
      expect(unknown.body).toMatchObject({ code: 'FIGURE_NOT_FOUND' });
    });

    it('gives the year-end figures of 2021-22 per award, as JSON and CSV', async () => {
      const response = await get(`/year-end/2021-22?award=${CLEVELAND}`).expect(200);
      expect(response.body).toMatchObject({ financialYear: '2021-22', asOf: '2022-03-31', answeredAt: { asOf: '2022-03-31' } });
      expect(response.body.awards[0]).toMatchObject({ awardId: CLEVELAND, grantCommitmentsOutstanding: '295617.00' });
      const csv = await get(`/year-end/2021-22?format=csv`).expect(200);
      expect(csv.text.split('\n').filter(Boolean)).toHaveLength(1 + 25 + 1);
    });
  });

  describe('refusals', () => {
    it('400 for asAt and position together', async () => {
      const response = await get(`/awards/${CLEVELAND}?asAt=${beforeCleveland}&position=3`).expect(400);
      expect(response.body.message).toBe('give asAt or position, not both: each says when the ledger is read as known');
    });

    it('400 for a position beyond the log', async () => {
      const response = await get(`/awards/${CLEVELAND}?position=${head + 10n}`).expect(400);
      expect(response.body).toMatchObject({ code: 'AS_AT_NOT_RECORDED_YET', message: `position ${head + 10n} is beyond the log's last position ${head}` });
    });

    it('400 for a malformed asAt', async () => {
      await get(`/awards/${CLEVELAND}?asAt=last-tuesday`).expect(400);
    });

    it('503 with Retry-After when the read model has not reached minPosition within the wait', async () => {
      const response = await get(`/awards/${CLEVELAND}?minPosition=${head + 5n}`).expect(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'READ_MODEL_BEHIND',
        message: `read model at position ${head} has not reached ${head + 5n} yet (waited 300 ms); retry, or ask with ?position=${head + 5n}`,
        details: { position: head.toString(), minPosition: (head + 5n).toString() },
      });
    });
  });

  describe('GET /health', () => {
    it("reports the read model's position, the log's head and the lag", async () => {
      await get(`/awards/${CLEVELAND}`).expect(200);
      const response = await request(app.getHttpServer()).get('/health').expect(200);
      expect(response.body.details.readModel).toEqual({ status: 'up', position: head.toString(), head: head.toString(), lag: '0' });
    });
  });

  describe('the built CLI, on the same file', () => {
    const cli = (...args: string[]): Promise<CliRun> => runBuiltCli(['--db', file, ...args], { cwd: directory });

    it('report funded-months --format table prints the reconciliation as at the head', async () => {
      const run = await cli('report', 'funded-months', '--award', CLEVELAND, '--format', 'table');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^Ledger at position ${head}, recorded \\d{4}-\\d\\d-\\d\\dT.*; as of: every business date, as known now$`));
      expect(run.stdout).toMatch(/^Oct 2022\s+£22,739.76\s+£0.00\s+£2,780.75.*£15,581.84$/m);
      expect(run.stdout).toContain('Months funded: 12.3148 of 13');
    });

    it('report funded-months --format json answers what the API answers', async () => {
      const run = await cli('report', 'funded-months', '--award', CLEVELAND, '--format', 'json');
      const api = await get(`/awards/${CLEVELAND}/funded-months`).expect(200);
      expect(JSON.parse(run.stdout)).toEqual(api.body);
    });

    it('report position --position shows the amount before the variation', async () => {
      const run = await cli('report', 'position', '--award', CLEVELAND, '--position', String(variation.position - 1n), '--format', 'json');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).awarded.current).toBe('200333.33');
    });

    it('replay --as-at lists every award as it stood', async () => {
      const run = await cli('replay', '--as-at', beforeCleveland, '--format', 'json');
      expect(run.code).toBe(0);
      const replayed = JSON.parse(run.stdout) as { awards: Array<{ awardId: string; awarded: { current: string } }> };
      expect(replayed.awards).toHaveLength(25);
      expect(replayed.awards.find((award) => award.awardId === CLEVELAND)?.awarded.current).toBe('200333.33');
    });

    it('verify finds every chain intact', async () => {
      const run = await cli('verify');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^OK: 26 streams, 37 events; every hash chain holds\ntree: 37 events to position 37, root [0-9a-f]{64}\n$/);
    });

    it('verify exits 1 and names the stream and revision after a figure is changed in the file', async () => {
      await app.close();
      closed = true;
      // The events table refuses UPDATE through a trigger (the log is append-only at the storage
      // level). Tampering means going around it, as someone with the file could: drop the trigger on
      // this connection's schema, change Cleveland's award amount in place, and see verify notice.
      const raw = new Database(file);
      raw.exec('DROP TRIGGER events_are_never_updated');
      raw
        .prepare(`UPDATE events SET data = json_set(data, '$.amount', '300000.00') WHERE stream = ? AND revision = 0`)
        .run(`award-${CLEVELAND}`);
      raw.close();

      const run = await cli('verify');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^DIVERGED first at award-${CLEVELAND} at revision 0: HASH_MISMATCH: .* claims hash [0-9a-f]{64}, but its content hashes to [0-9a-f]{64}`, 'm'));
      // The store's own Merkle tree was not rebuilt by this edit, so verify sees that too.
      expect(run.stdout).toMatch(/^FOUND the log: STORED_TREE_MISMATCH/m);
      expect(run.stdout).toMatch(/^2 finding\(s\); 1 of 26 streams broken \(37 events checked\)$/m);
    });
  });
});
