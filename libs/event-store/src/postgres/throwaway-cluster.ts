/**
 * A PostgreSQL cluster of the tests' own: initdb in a temporary directory, listening only on a unix
 * socket in that directory (no TCP port to clash with another engineer's run), stopped and removed
 * by `stop`. initdb refuses to run as root, so under root the server programs run as the `postgres`
 * OS user. Test support only: nothing in the service imports it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayCluster {
  /** A connection URL for a database of its own on the cluster, created on demand. */
  createDatabase(name: string): Promise<string>;
  readonly socketDirectory: string;
  stop(): void;
}

/** Where Debian's postgresql-15 puts initdb, pg_ctl and postgres, or undefined when they are missing. */
export const postgresBinDirectory = (): string | undefined => {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim());
  } catch {
    // pg_config is in postgresql-server-dev or libpq-dev, not always beside the server programs.
  }
  candidates.push('/usr/lib/postgresql/15/bin');
  return candidates.find((directory) => existsSync(join(directory, 'initdb')) && existsSync(join(directory, 'pg_ctl')));
};

const asServerUser = (program: string, args: string[]): void => {
  const runAsRoot = process.getuid?.() === 0;
  const [command, commandArgs] = runAsRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
};

export interface ClusterOptions {
  /**
   * Off (the default, for tests): no fsync, commits acknowledged before they reach the disk; the
   * cluster lives for one run and its durability is not what a test checks. On (for the bench): the
   * server's defaults, so an append is as durable as SQLite's synchronous=FULL one it is compared with.
   */
  readonly durable?: boolean;
}

export const startThrowawayCluster = (binDirectory: string, options: ClusterOptions = {}): ThrowawayCluster => {
  const root = mkdtempSync(join(tmpdir(), 'fundledger-pg-'));
  // The postgres user writes the data directory and the socket here; nobody else can see into a 0700
  // directory inside it.
  chmodSync(root, 0o777);
  const data = join(root, 'data');
  const initdb = join(binDirectory, 'initdb');
  const pgCtl = join(binDirectory, 'pg_ctl');
  asServerUser(initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C']);
  const durability = options.durable === true ? '' : ' -c fsync=off -c synchronous_commit=off';
  const serverOptions = `-k ${root} -c listen_addresses='' -c max_connections=200${durability}`;
  asServerUser(pgCtl, ['-D', data, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    socketDirectory: root,
    createDatabase: async (name) => {
      const { Client } = await import('pg');
      const admin = new Client({ host: root, user: 'postgres', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return `postgresql://postgres@/${encodeURIComponent(name)}?host=${encodeURIComponent(root)}`;
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        asServerUser(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
};

/**
 * For a spec that needs the cluster: runs `define` with a getter for a started cluster, or, when the
 * server programs are missing, fails loudly under CI=true (a green CI must mean PostgreSQL was tested)
 * and otherwise says plainly that the suite is skipped.
 */
export const describeWithPostgres = (name: string, define: (cluster: () => ThrowawayCluster) => void): void => {
  const binDirectory = postgresBinDirectory();
  if (binDirectory === undefined) {
    const message = `${name}: PostgreSQL's server programs (initdb, pg_ctl) are not installed; install postgresql-15`;
    if (process.env['CI'] === 'true') {
      describe(name, () => {
        it('needs PostgreSQL under CI', () => {
          throw new Error(message);
        });
      });
      return;
    }
    process.stderr.write(`SKIPPED: ${message}\n`);
    describe.skip(`${name} (SKIPPED: PostgreSQL is not installed)`, () => define(() => undefined as never));
    return;
  }
  describe(name, () => {
    let cluster: ThrowawayCluster | undefined;
    beforeAll(() => {
      cluster = startThrowawayCluster(binDirectory);
    }, 120_000);
    afterAll(() => cluster?.stop(), 60_000);
    define(() => {
      if (cluster === undefined) throw new Error('the cluster starts in beforeAll');
      return cluster;
    });
  });
};
