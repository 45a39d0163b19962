import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import { Money } from '@fundledger/money';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { describeWithPostgres } from '../libs/event-store/src/postgres/throwaway-cluster';
import type { RecordedEvent } from '@fundledger/event-store';

/**
 * Issue 15's done-when: three API processes, the built service as an operator runs it, each with its
 * own port and read-model file, on one PostgreSQL database. Commands race at all three; nothing is
 * lost, duplicated or overspent, and every instance's read model comes to the same figures.
 */
const API_MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');
const SECRET = 'several-instances-signing-secret-0123456789';
const AWARD = 'multi-award';
const officer = `Bearer ${new AccessTokenService(SECRET).issue({ id: 'alice', role: 'finance-officer', orgs: ['home-office', 'opcc-cleveland'] })}`;

interface Instance {
  readonly name: string;
  readonly url: string;
  readonly process: ChildProcess;
  output: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithPostgres('several API instances on one PostgreSQL log', (cluster) => {
  let dir = '';
  let databaseUrl = '';
  const instances: Instance[] = [];
  let nextPort = 0;

  const start = async (name: string): Promise<Instance> => {
    const port = nextPort++;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('FUNDLEDGER_')));
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: dir,
      env: {
        ...inherited,
        XDG_CONFIG_HOME: join(dir, '.config'),
        FUNDLEDGER_JWT_SECRET: SECRET,
        FUNDLEDGER_STORE: 'postgres',
        FUNDLEDGER_POSTGRES_URL: databaseUrl,
        FUNDLEDGER_READ_DB: join(dir, `${name}.read-models.sqlite`),
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
    });
    const instance: Instance = { name, url: `http://127.0.0.1:${port}`, process: child, output: '' };
    child.stdout?.on('data', (chunk) => (instance.output += String(chunk)));
    child.stderr?.on('data', (chunk) => (instance.output += String(chunk)));
    instances.push(instance);
    const giveUpAt = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`instance ${name} exited ${child.exitCode}: ${instance.output}`);
      const healthy = await fetch(`${instance.url}/health`).then((response) => response.ok, () => false);
      if (healthy) return instance;
      if (Date.now() > giveUpAt) throw new Error(`instance ${name} not healthy within 60 s: ${instance.output}`);
      await pause(100);
    }
  };

  const post = async (instance: Instance, path: string, body: object, key: string) => {
    const response = await fetch(`${instance.url}${path}`, {
      method: 'POST',
      headers: { Authorization: officer, 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const positionReport = async (instance: Instance, minPosition: bigint) => {
    const response = await fetch(`${instance.url}/awards/${AWARD}?minPosition=${minPosition}`, {
      headers: { Authorization: officer },
    });
    expect(response.status).toBe(200);
    return response.json();
  };

  const logOf = async (): Promise<RecordedEvent[]> => {
    const store = await PostgresEventStore.connect({ connectionString: databaseUrl });
    try {
      const events: RecordedEvent[] = [];
      for await (const event of store.readAll()) events.push(event);
      return events;
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-instances-'));
    databaseUrl = await cluster().createDatabase('instances');
    // Ports from a range of this run's own, away from the usual 3000s of other engineers' services.
    nextPort = 20_000 + (process.pid % 20_000);
    // All three at once: they also race to migrate the new database.
    await Promise.all(['a', 'b', 'c'].map((name) => start(name)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(
      instances.map(
        ({ process: child }) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  describe('given an award whose one grant of £1,000.00 admits ten payments of £100.00', () => {
    let payments: { status: number; body: Record<string, unknown> }[];
    let sameKey: { status: number; body: Record<string, unknown> }[];

    beforeAll(async () => {
      const [a, b, c] = instances as [Instance, Instance, Instance];
      const made = await post(a, '/awards', {
        awardId: AWARD,
        funder: { id: 'home-office', name: 'Home Office' },
        recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
        amount: '5000.00',
        awardedOn: '2021-07-01',
        window: { start: '2021-10', end: '2022-05' },
        decisionRef: 'HO-DAPI-2021',
        description: 'Domestic abuse perpetrator interventions',
      }, 'make-multi');
      expect(made.status).toBe(201);
      const grant = await post(b, `/awards/${AWARD}/grants`, {
        grantId: 'g-race',
        grantee: { id: 'harbour', name: 'Harbour' },
        amount: '1000.00',
        committedOn: '2021-07-31',
        purpose: 'Team around the Couple delivery',
      }, 'grant-multi');
      expect(grant.status).toBe(201);

      // Thirty payments, ten at each instance, all at once.
      payments = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          post([a, b, c][index % 3]!, `/awards/${AWARD}/grants/g-race/disbursements`, {
            disbursementId: `d-${index}`,
            amount: '100.00',
            paidOn: '2021-11-01',
            reference: `BACS ${index}`,
          }, `pay-${index}`),
        ),
      );
      // A client retrying one variation at every instance at once, with one idempotency key.
      sameKey = await Promise.all(
        [a, b, c].map((instance) =>
          post(instance, `/awards/${AWARD}/variations`, {
            newAmount: '5500.00',
            effectiveOn: '2021-12-01',
            reason: 'Uplift agreed with the Home Office',
            reference: 'HO-DAPI-2021-V1',
          }, 'vary-once'),
        ),
      );
    }, 120_000);

    it('records exactly ten payments, refuses twenty, and pays £1,000.00 to the penny', async () => {
      const outcomes = payments.map(({ status, body }) => `${status} ${(body['code'] as string | undefined) ?? 'recorded'}`);
      expect(outcomes.filter((outcome) => outcome === '201 recorded')).toHaveLength(10);
      expect(outcomes.filter((outcome) => outcome === '422 PAYMENT_EXCEEDS_COMMITMENT')).toHaveLength(20);
      const paid = (await logOf()).filter((event) => event.type === 'DisbursementPaid');
      expect(paid).toHaveLength(10);
      expect(Money.sum(paid.map((event) => Money.fromString(event.data['amount'] as string))).toString()).toBe('1000.00');
    });

    // Each instance decides on the same revision and appends the same deterministic event ids; the store
    // keeps the first and treats the others as retries of it. An instance whose append was that retry
    // cannot tell, so it may answer 201 rather than 200: the receipt, and the log, are the same either way.
    it('records the variation sent with one key at all three exactly once, every answer the same receipt', async () => {
      expect(sameKey.map(({ status }) => [200, 201].includes(status))).toEqual([true, true, true]);
      const receipts = sameKey.map(({ body }) => ({ ...body, replayed: undefined }));
      expect(receipts[0]).toMatchObject({ commandId: 'vary-once', events: [expect.objectContaining({ type: 'AwardVaried' })] });
      expect(receipts[1]).toEqual(receipts[0]);
      expect(receipts[2]).toEqual(receipts[0]);
      const varied = (await logOf()).filter((event) => event.type === 'AwardVaried');
      expect(varied.map(({ id }) => id)).toEqual([(sameKey[0]!.body['events'] as { id: string }[])[0]!.id]);
    });

    it('keeps the log whole: dense positions, a gapless stream and an intact hash chain', async () => {
      const log = await logOf();
      expect(log.map(({ position }) => position)).toEqual(log.map((_, index) => BigInt(index + 1)));
      expect(new Set(log.map(({ id }) => id)).size).toBe(log.length);
      const stream = log.filter((event) => event.stream === `award-${AWARD}`);
      expect(stream.map(({ revision }) => revision)).toEqual(stream.map((_, index) => BigInt(index)));
      stream.slice(1).forEach((event, index) => expect(event.metadata['prevHash']).toBe(stream[index]!.metadata['hash']));
    });

    it('brings every instance, and one started afterwards from nothing, to the same figures', async () => {
      const head = (await logOf()).at(-1)!.position;
      const late = await start('late');
      const reports = await Promise.all(instances.map((instance) => positionReport(instance, head)));
      expect(reports[0]).toMatchObject({ awardId: AWARD });
      for (const report of reports.slice(1)) expect(report).toEqual(reports[0]);
      expect(reports[0]).toMatchObject({ availableFunding: '5500.00', committed: '1000.00', paid: '1000.00' });
      expect(late.name).toBe('late');
    }, 90_000);
  });
});
