import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import { eventLeafHash } from '../merkle/event-leaf';
import { rootOf, type Hash } from '../merkle/merkle-tree';
import { SqliteEventStore } from './sqlite-event-store';

const child = resolve(__dirname, '../../../../dist/libs/event-store/src/sqlite/durability-appender.child.js');
const directory = mkdtempSync(join(tmpdir(), 'fundledger-durability-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface ChildRun {
  /** Positions the child printed, each after its append resolved. */
  readonly acknowledged: bigint[];
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** Runs the appender; when `killAfter` is given, SIGKILLs it once that many appends are acknowledged. */
const runAppender = (
  path: string,
  stream: string,
  writer: string,
  options: { killAfter?: number; appends?: number; startFile?: string; pauseMs?: number; concurrent?: number },
) =>
  new Promise<ChildRun>((resolvePromise, reject) => {
    const args = [child, path, stream, writer, ...(options.appends === undefined ? [] : [String(options.appends)])];
    const env = {
      ...process.env,
      START_FILE: options.startFile ?? '',
      APPEND_PAUSE_MS: String(options.pauseMs ?? 0),
      CONCURRENT: String(options.concurrent ?? 1),
    };
    const appender = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const acknowledged: bigint[] = [];
    let stderr = '';
    appender.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: appender.stdout }).on('line', (line) => {
      acknowledged.push(BigInt(line));
      if (options.killAfter !== undefined && acknowledged.length === options.killAfter) appender.kill('SIGKILL');
    });
    appender.on('error', reject);
    // 'close' waits for the pipes to drain: every line written before the kill is counted.
    appender.on('close', (exitCode) => resolvePromise({ acknowledged, exitCode, stderr }));
  });

const readBack = async (path: string, stream: string): Promise<RecordedEvent[]> => {
  const store = SqliteEventStore.open({ path });
  try {
    const recorded: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) recorded.push(event);
    return recorded;
  } finally {
    await store.close();
  }
};

/** The Merkle tree the file keeps, against the root recomputed from its events. */
const treeOf = async (path: string): Promise<{ kept: string; recomputed: string }> => {
  const store = SqliteEventStore.open({ path });
  try {
    const leaves: Hash[] = [];
    for await (const event of store.readAll()) leaves.push(eventLeafHash(event));
    return { kept: (await store.treeHeadAt()).rootHash, recomputed: rootOf(leaves).toString('hex') };
  } finally {
    await store.close();
  }
};

const readBackAll = async (path: string): Promise<RecordedEvent[]> => {
  const store = SqliteEventStore.open({ path });
  try {
    const recorded: RecordedEvent[] = [];
    for await (const event of store.readAll()) recorded.push(event);
    return recorded;
  } finally {
    await store.close();
  }
};

const integrityOf = (path: string): unknown => {
  const raw = new Database(path, { readonly: true });
  try {
    return raw.pragma('integrity_check', { simple: true });
  } finally {
    raw.close();
  }
};

/** Every batch the log holds is whole: all `size` of its events, in order, one after another. */
const expectWholeBatches = (recorded: readonly RecordedEvent[]): void => {
  let index = 0;
  while (index < recorded.length) {
    const { batch, size, writer } = recorded[index]!.data as { batch: number; size: number; writer: string };
    const slice = recorded.slice(index, index + size).map(({ data }) => data);
    const whole = Array.from({ length: size }, (_, at) => expect.objectContaining({ writer, batch, index: at, size }));
    expect(slice).toEqual(whole);
    index += size;
  }
};

describe('SqliteEventStore durability', () => {
  beforeAll(() => {
    if (!existsSync(child)) {
      throw new Error(`${child} is missing: run \`npm run build\` first (npm test builds before running jest)`);
    }
  });

  describe.each([1, 2, 3])('when the appending process is killed mid-run (run %i)', () => {
    it('keeps every acknowledged append, whole and in order, and nothing half-written', async () => {
      const path = join(directory, `killed-${Date.now()}-${Math.random()}.sqlite`);
      const stream = 'award-durability';
      const killAfter = 200 + Math.floor(Math.random() * 100);

      const run = await runAppender(path, stream, 'solo', { killAfter });

      expect(run.exitCode).toBeNull();
      expect(run.stderr).toBe('');
      expect(run.acknowledged.length).toBeGreaterThanOrEqual(killAfter);
      expect(integrityOf(path)).toBe('ok');
      const recorded = await readBack(path, stream);
      expect(recorded.map(({ revision }) => revision)).toEqual(recorded.map((_, index) => BigInt(index)));
      const positions = new Set(recorded.map(({ position }) => position));
      expect(run.acknowledged.filter((position) => !positions.has(position))).toEqual([]);
      const lastAcknowledged = run.acknowledged[run.acknowledged.length - 1]!;
      // At most the one append in flight when the kill landed is present without an acknowledgement.
      expect(recorded.filter(({ position }) => position > lastAcknowledged).length).toBeLessThanOrEqual(3);
      expectWholeBatches(recorded);
      const tree = await treeOf(path);
      expect(tree.kept).toBe(tree.recomputed);
    });
  });

  describe('when a process with 64 writers in flight, sharing group commits, is killed mid-run', () => {
    it('keeps every acknowledged append, each stream whole and contiguous, and nothing half-written', async () => {
      const path = join(directory, `group-${Date.now()}.sqlite`);
      const killAfter = 1_500 + Math.floor(Math.random() * 500);

      const run = await runAppender(path, 'award-group', 'many', { killAfter, concurrent: 64 });

      expect(run.exitCode).toBeNull();
      expect(run.stderr).toBe('');
      expect(integrityOf(path)).toBe('ok');
      const recorded = await readBackAll(path);
      const positions = new Set(recorded.map(({ position }) => position));
      expect(run.acknowledged.filter((position) => !positions.has(position))).toEqual([]);
      const streams = new Set(recorded.map(({ stream }) => stream));
      expect(streams.size).toBe(64);
      for (const stream of streams) {
        const own = recorded.filter((event) => event.stream === stream);
        expect(own.map(({ revision }) => revision)).toEqual(own.map((_, index) => BigInt(index)));
        expectWholeBatches(own);
      }
    });
  });

  describe('when two processes append to one stream at once', () => {
    it('serialises them: every acknowledged append is present once, revisions contiguous, no lock errors', async () => {
      const path = join(directory, `shared-${Date.now()}.sqlite`);
      const stream = 'award-contended';

      const startFile = `${path}.start`;
      const finished: ChildRun[] = [];
      const running = ['left', 'right'].map((writer) =>
        runAppender(path, stream, writer, { appends: 90, startFile, pauseMs: 3 }).then((run) => (finished.push(run), run)),
      );
      // Release both writers together, once both have opened the store; a writer that ends before then
      // (it can only have failed) fails the test with what it printed.
      const readyBy = Date.now() + 20_000;
      while (!['left', 'right'].every((writer) => existsSync(`${startFile}.${writer}.ready`))) {
        if (finished.length > 0) throw new Error(`an appender ended before the start: ${JSON.stringify(finished)}`);
        if (Date.now() > readyBy) throw new Error('the two appenders did not both open the store within 20 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      writeFileSync(startFile, '');
      const runs = await Promise.all(running);

      expect(runs.map(({ exitCode, stderr }) => ({ exitCode, stderr }))).toEqual([
        { exitCode: 0, stderr: '' },
        { exitCode: 0, stderr: '' },
      ]);
      const recorded = await readBack(path, stream);
      expect(recorded.map(({ revision }) => revision)).toEqual(recorded.map((_, index) => BigInt(index)));
      const writerAt = new Map(recorded.map(({ position, metadata }) => [position, metadata['writer']]));
      expect(runs[0]!.acknowledged.map((position) => writerAt.get(position))).toEqual(Array(90).fill('left'));
      expect(runs[1]!.acknowledged.map((position) => writerAt.get(position))).toEqual(Array(90).fill('right'));
      expect(recorded).toHaveLength(2 * (30 * (1 + 2 + 3)));
      // Each append extended the one tree the other left, inside the same write lock.
      const tree = await treeOf(path);
      expect(tree.kept).toBe(tree.recomputed);
      const writers = recorded.map(({ metadata }) => metadata['writer']);
      const handovers = writers.filter((writer, index) => index > 0 && writer !== writers[index - 1]);
      expect(handovers.length).toBeGreaterThan(1); // the two really did take turns at the lock
      expectWholeBatches(recorded);
    });
  });
});
