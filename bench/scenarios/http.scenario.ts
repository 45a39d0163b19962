import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import { SqliteEventStore } from '@fundledger/event-store';
import { loadBenchPackage } from '../bench-packages';
import { topSelfTime } from '../measure/cpu-profile.summary';
import type { Measure, Scenario } from '../bench.types';
import { awardCommand, benchAwardId, openProgrammeCommand } from '../workload/award-commands.workload';
import { logWriter } from '../workload/ledger-log.workload';

/** Awards the payments and reads are spread over, as a finance team's work is. */
const AWARDS = 200;
/** Made, pledged, received, and grant g-0 committed (4,000.00): 400,000 pennies to pay on each. */
const SETUP_ROUNDS = 4;
const CONNECTIONS = 32;
const SECONDS = { default: 5, full: 20 } as const;
const SECRET = 'bench-only-secret-for-hs256-signing-000000';
/**
 * Set FUNDLEDGER_BENCH_CPU_PROF to a folder to run the service under `node --cpu-prof` and keep its
 * profile there: what bounds the figures below, function by function.
 */
const CPU_PROFILE_DIR = process.env.FUNDLEDGER_BENCH_CPU_PROF;

interface AutocannonResult {
  readonly duration: number;
  readonly '2xx': number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly latency: { readonly p50: number; readonly p99: number };
}
interface AutocannonRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: Array<{ method: string; setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
}) => Promise<AutocannonResult>;

/**
 * The real service over HTTP: the built API (dist/apps/api/src/main.js) in a process of its own, as
 * `npm start` runs it, on a temporary SQLite store with its read model, edge checks and request
 * logging as in production (LOG_LEVEL info, to a pipe nobody reads). Only the per-client command limit
 * is raised (FUNDLEDGER_WRITE_LIMIT=1000000): every request comes from one address here. autocannon
 * drives it with 32 connections from this process, on the same 2 cores.
 */
export const httpScenario: Scenario = {
  name: 'http',
  title: `HTTP: POST payments and GET funded-months / position over ${AWARDS} awards, ${CONNECTIONS} connections`,
  async run({ workDir, full }) {
    const autocannon = loadBenchPackage('autocannon', (require) => require('autocannon') as Autocannon);
    if ('missing' in autocannon) {
      process.stderr.write(`\nbench: ${autocannon.missing}; no HTTP figures\n`);
      return [];
    }
    const db = join(workDir, 'http.sqlite');
    const setup = SqliteEventStore.open({ path: db });
    try {
      const append = logWriter(setup);
      await append([openProgrammeCommand()]);
      for (let award = 0; award < AWARDS; award += 1) await append(Array.from({ length: SETUP_ROUNDS }, (_, round) => awardCommand(award, round)));
    } finally {
      await setup.close();
    }

    const service = await startService(workDir, db);
    try {
      // Each award's recipient keeps its own books: its finance officer's token names that body alone.
      const tokens = new AccessTokenService(SECRET);
      const headersOf = Array.from({ length: AWARDS }, (_, award) => ({
        authorization: `Bearer ${tokens.issue({ id: `finance-${award}`, role: 'finance-officer', orgs: [`opcc-${award}`] })}`,
      }));
      const seconds = SECONDS[full ? 'full' : 'default'];
      const drive = async (setupRequest: (n: number) => AutocannonRequest): Promise<AutocannonResult> => {
        // One request first, answered 2xx or the run stops: a bench of refusals would measure nothing.
        const first = setupRequest(0);
        const answer = await fetch(`${service.url}${first.path}`, { method: first.method, headers: first.headers, body: first.body });
        if (!answer.ok) throw new Error(`${first.method} ${first.path} answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
        let n = 0;
        return autocannon({
          url: service.url,
          connections: CONNECTIONS,
          duration: seconds,
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, ...setupRequest((n += 1)) }) }],
        });
      };
      const posts = await drive((n) => {
        const awardId = benchAwardId(n % AWARDS);
        return {
          method: 'POST',
          headers: { ...headersOf[n % AWARDS], 'content-type': 'application/json' },
          path: `/awards/${awardId}/grants/g-0/disbursements`,
          body: JSON.stringify({ commandId: `http-pay-${n}`, disbursementId: `http-${n}`, amount: '0.01', paidOn: '2024-06-15', reference: `BACS http ${n}` }),
        };
      });
      const fundedMonths = await drive((n) => ({ method: 'GET', headers: headersOf[n % AWARDS], path: `/awards/${benchAwardId(n % AWARDS)}/funded-months` }));
      const position = await drive((n) => ({ method: 'GET', headers: headersOf[n % AWARDS], path: `/awards/${benchAwardId(n % AWARDS)}` }));
      await service.stop();
      if (CPU_PROFILE_DIR !== undefined) reportProfile(CPU_PROFILE_DIR);
      return [...figures(this.name, 'POST payments', posts), ...figures(this.name, 'GET funded-months', fundedMonths), ...figures(this.name, 'GET position', position)];
    } finally {
      await service.stop();
    }
  },
};

/** The profile the service wrote on its way out, summarised on stderr: the bench's own evidence of what bounds it. */
const reportProfile = (directory: string): void => {
  const newest = readdirSync(directory)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => join(directory, file))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`the service wrote no profile to ${directory}`);
  process.stderr.write(`\nbench: the service's CPU profile ${newest}, top self time:\n`);
  for (const { fn, ms, share } of topSelfTime(newest, 20)) process.stderr.write(`  ${(share * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${fn}\n`);
};

/** Only answered requests count: a 4xx or 5xx answered fast is not throughput, and is reported beside it. */
const figures = (scenario: string, what: string, result: AutocannonResult): Measure[] => [
  { scenario, measure: `${what}: req/s`, value: result['2xx'] / result.duration, unit: 'req/s' },
  { scenario, measure: `${what}: p50`, value: result.latency.p50, unit: 'ms' },
  { scenario, measure: `${what}: p99`, value: result.latency.p99, unit: 'ms' },
  { scenario, measure: `${what}: not 2xx`, value: result.non2xx + result.errors + result.timeouts, unit: 'requests' },
];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

async function startService(workDir: string, db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const configHome = join(workDir, 'http-config');
  mkdirSync(configHome, { recursive: true });
  const main = join(__dirname, '..', '..', 'apps', 'api', 'src', 'main.js');
  const profile = CPU_PROFILE_DIR === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', CPU_PROFILE_DIR];
  const child: ChildProcess = spawn(process.execPath, [...profile, main], {
    env: {
      PATH: process.env.PATH,
      FUNDLEDGER_DB: db,
      PORT: String(port),
      FUNDLEDGER_HOST: '127.0.0.1',
      FUNDLEDGER_WRITE_LIMIT: '1000000',
      FUNDLEDGER_JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
      XDG_CONFIG_HOME: configHome,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before answering /health`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() - started > 60_000) throw new Error('the service did not answer /health within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    // SIGINT, as Ctrl-C: the shutdown hooks close the store, and --cpu-prof writes its profile on that exit.
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
