/**
 * A child process for the durability and multi-process specs:
 *   node durability-appender.child.js <db path> <stream> <writer name> [number of appends]
 * It appends batches of 1 to 3 events to one stream, forever or for the given number of appends, and
 * prints the global position of each batch's last event on its own line only after the append has
 * resolved: every line printed is a promise that the batch is durable. On a conflict with another
 * writer it takes the stream's actual revision and tries the same batch again. START_FILE in the
 * environment is a barrier: the child creates `<START_FILE>.<writer>.ready` once its store is open and
 * holds its first append until START_FILE exists, so that several children really do contend however
 * slowly each one starts on a loaded machine. CONCURRENT=n runs n such loops at once in the process,
 * on streams `<stream>-0` … `<stream>-(n-1)`, so that their appends share group commits.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventToAppend, ExpectedRevision } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const [path, stream, writer, appendsArgument] = process.argv.slice(2);
if (path === undefined || stream === undefined || writer === undefined) {
  process.stderr.write('usage: durability-appender.child.js <db path> <stream> <writer name> [number of appends]\n');
  process.exit(2);
}
const appends = appendsArgument === undefined ? Number.POSITIVE_INFINITY : Number(appendsArgument);
// APPEND_PAUSE_MS gives a contending writer, asleep in SQLite's busy handler, a gap to take the lock in;
// without it one writer can re-take the lock after every commit and finish before the other starts.
const pauseMs = Number(process.env['APPEND_PAUSE_MS'] ?? 0);
// Enough bytes per event that a kill often lands while SQLite is writing pages, not between appends.
const padding = 'ledger line £ é 漢字 🚓 '.repeat(60);

const batchOf = (batch: number): EventToAppend[] => {
  const size = 1 + (batch % 3);
  return Array.from({ length: size }, (_, index) => ({
    id: randomUUID(),
    type: 'DurabilityChecked',
    data: { writer, batch, index, size, padding },
    metadata: { writer },
  }));
};

const appendTo = async (store: SqliteEventStore, name: string): Promise<void> => {
  let expectedRevision: ExpectedRevision = 'any';
  for (let batch = 0; batch < appends; batch += 1) {
    const events = batchOf(batch);
    for (;;) {
      try {
        const result = await store.append(name, events, { expectedRevision });
        expectedRevision = result.nextExpectedRevision;
        process.stdout.write(`${result.position}\n`);
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        expectedRevision = error.actual;
      }
    }
  }
};

const run = async (): Promise<void> => {
  const store = SqliteEventStore.open({ path, busyTimeoutMs: 10_000 });
  const startFile = process.env['START_FILE'];
  if (startFile) {
    writeFileSync(`${startFile}.${writer}.ready`, '');
    const giveUpAt = Date.now() + 30_000; // never outlive a test that has given up on us
    while (!existsSync(startFile)) {
      if (Date.now() > giveUpAt) throw new Error(`no start signal at ${startFile} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const concurrent = Number(process.env['CONCURRENT'] ?? 1);
  const streams = concurrent === 1 ? [stream] : Array.from({ length: concurrent }, (_, i) => `${stream}-${i}`);
  await Promise.all(streams.map((name) => appendTo(store, name)));
  await store.close();
};

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
