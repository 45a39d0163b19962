import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type EventToAppend } from '@fundledger/event-store';
import type { Measure, Scenario, ScenarioContext } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';

const EVENTS = 20_000;
const STREAMS = 1_000;
const BATCH_SIZES = [1, 10] as const;

/**
 * The store alone: durable appends (WAL, synchronous=FULL, so one fsync per append) of events shaped
 * like a DisbursementPaid with handleCommand's metadata, round-robin over streams, each checked
 * against the revision the writer last saw, as every command's append is.
 */
export const rawAppendScenario: Scenario = {
  name: 'raw-append',
  title: `raw append: ${EVENTS} events to ${STREAMS} streams, batches of ${BATCH_SIZES.join(' and ')}`,
  run({ workDir, memory }) {
    return measureRawAppends(this.name, async (batch) => SqliteEventStore.open({ path: join(workDir, `raw-append-${batch}.sqlite`) }), memory);
  },
};

/** The raw-append workload on any store: opened fresh for each batch size, closed afterwards. */
export const measureRawAppends = async (
  scenario: string,
  open: (batch: number) => Promise<EventStore>,
  memory: ScenarioContext['memory'],
): Promise<Measure[]> => {
  const measures: Measure[] = [];
  for (const batch of BATCH_SIZES) {
    const store = await open(batch);
    const revisions = new Map<string, bigint>();
    const latency = new LatencyRecorder();
    try {
      for (let append = 0; append < EVENTS / batch; append += 1) {
        const stream = `award-raw-${append % STREAMS}`;
        const events = Array.from({ length: batch }, (_, i) => paymentEvent(stream, append * batch + i));
        const expectedRevision = revisions.get(stream) ?? 'no_stream';
        const result = await latency.time(() => store.append(stream, events, { expectedRevision }));
        revisions.set(stream, result.nextExpectedRevision);
        if (append % 500 === 0) memory.sample();
      }
    } finally {
      await store.close();
    }
    const label = `batch ${batch}`;
    measures.push(
      { scenario, measure: `${label}: throughput`, value: EVENTS / latency.wallSeconds, unit: 'events/s' },
      { scenario, measure: `${label}: append p50`, value: latency.percentileMs(50), unit: 'ms' },
      { scenario, measure: `${label}: append p99`, value: latency.percentileMs(99), unit: 'ms' },
    );
  }
  return measures;
};

const paymentEvent = (stream: string, n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'DisbursementPaid',
  data: {
    awardId: stream.slice('award-'.length),
    grantId: `g-${n % 17}`,
    disbursementId: `d-${n}`,
    amount: '2000.00',
    paidOn: '2024-06-15',
    reference: `BACS ${n}`,
  },
  metadata: {
    commandId: randomUUID(),
    commandHash: 'c'.repeat(64),
    correlationId: 'bench',
    causationId: 'bench',
    actor: { id: 'bench', role: 'finance-officer' },
    recordedAt: '2024-06-15T09:00:00.000Z',
    schemaVersion: 1,
    prevHash: 'p'.repeat(64),
    hash: 'h'.repeat(64),
  },
});
