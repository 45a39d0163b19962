import { randomUUID } from 'node:crypto';
import { computeEventHash, GENESIS_HASH, type EventStore, type EventToAppend, type JsonObject } from '@fundledger/event-store';

/**
 * Events shaped like a DisbursementPaid with handleCommand's metadata and a true hash chain per stream,
 * so that verify has real work to do on every one: canonical JSON, the chain and the Merkle leaf.
 */
export class ChainedEvents {
  private readonly lastHash = new Map<string, string>();
  private count = 0;

  next(stream: string): EventToAppend {
    const n = (this.count += 1);
    const data: JsonObject = {
      awardId: stream.slice('award-'.length),
      grantId: `g-${n % 17}`,
      disbursementId: `d-${n}`,
      amount: `${(n % 9000) + 1000}.00`,
      paidOn: '2024-06-15',
      reference: `BACS ${n}`,
    };
    const metadata: JsonObject = {
      commandId: randomUUID(),
      commandHash: 'c'.repeat(64),
      correlationId: 'bench',
      causationId: 'bench',
      actor: { id: 'bench', role: 'finance-officer' },
      recordedAt: '2024-06-15T09:00:00.000Z',
      schemaVersion: 1,
      prevHash: this.lastHash.get(stream) ?? GENESIS_HASH,
    };
    const hash = computeEventHash('DisbursementPaid', data, metadata);
    this.lastHash.set(stream, hash);
    return { id: randomUUID(), type: 'DisbursementPaid', data, metadata: { ...metadata, hash } };
  }
}

/** Fills a store with `total` chained events over `streams` streams, `batch` events per append. */
export const appendChainedLog = async (store: EventStore, total: number, streams: number, batch: number): Promise<void> => {
  const events = new ChainedEvents();
  const revisions = new Map<string, bigint>();
  for (let written = 0, turn = 0; written < total; turn += 1) {
    const stream = `award-bench-${turn % streams}`;
    const size = Math.min(batch, total - written);
    const appended = Array.from({ length: size }, () => events.next(stream));
    const result = await store.append(stream, appended, { expectedRevision: revisions.get(stream) ?? 'no_stream' });
    revisions.set(stream, result.nextExpectedRevision);
    written += size;
  }
};
