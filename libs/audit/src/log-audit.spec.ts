import { computeEventHash, eventLeafHash, GENESIS_HASH, MerkleFrontier, type JsonObject, type RecordedEvent } from '@fundledger/event-store';
import { auditLog, type TreeAnchor } from './log-audit';

/** A log of `n` chained events over three streams, positions from 1, as a store would read it back. */
const honestLog = (n: number): RecordedEvent[] => {
  const last = new Map<string, { hash: string; revision: bigint }>();
  return Array.from({ length: n }, (_, i) => {
    const stream = `award-${i % 3}`;
    const before = last.get(stream);
    const metadata = { actor: { id: 'alice', role: 'finance-officer' }, prevHash: before?.hash ?? GENESIS_HASH };
    const data = { amount: `${100 + i}.00` };
    const hash = computeEventHash('DisbursementPaid', data, metadata);
    const revision = before === undefined ? 0n : before.revision + 1n;
    last.set(stream, { hash, revision });
    return {
      id: `e${i}`, stream, type: 'DisbursementPaid', data, metadata: { ...metadata, hash },
      revision, position: BigInt(i + 1), recordedAt: '2024-04-01T09:00:00.000Z',
    };
  });
};

async function* read(events: readonly RecordedEvent[]): AsyncGenerator<RecordedEvent> {
  yield* events;
}

const anchorOf = (events: readonly RecordedEvent[]): TreeAnchor => {
  const frontier = MerkleFrontier.empty();
  events.forEach((event) => frontier.push(eventLeafHash(event)));
  return { treeSize: BigInt(events.length), rootHash: frontier.root().toString('hex'), lastPosition: events[events.length - 1]!.position };
};

describe('auditing the log in one pass', () => {
  const log = honestLog(40);

  it('finds nothing in an honest log and gives the root its leaves make', async () => {
    const audit = await auditLog(read(log));
    expect(audit).toMatchObject({ events: 40, streams: 3, findings: [], head: { treeSize: 40n, rootHash: anchorOf(log).rootHash, lastPosition: 40n } });
  });

  it('finds an honest, grown log consistent with every earlier tree', async () => {
    for (let m = 1; m <= log.length; m += 1) {
      const audit = await auditLog(read(log), anchorOf(log.slice(0, m)));
      expect(audit.anchorCheck).toMatchObject({ consistent: true });
    }
  });

  it('places a figure changed after it was recorded at its event', async () => {
    const edited = log.map((event, i) => (i === 9 ? { ...event, data: { amount: '1.00' } } : event));
    const audit = await auditLog(read(edited), anchorOf(log.slice(0, 20)));
    expect(audit.findings[0]).toMatchObject({ code: 'HASH_MISMATCH', stream: 'award-0', revision: 3n, position: 10n });
    expect(audit.anchorCheck?.finding).toMatchObject({ code: 'ROOT_MISMATCH', position: 10n });
  });

  it('notices an edit whose chain was recomputed only against an earlier tree', async () => {
    const rechained = honestLog(40).map((event) => event);
    rechained[9] = { ...rechained[9]!, data: { amount: '1.00' } };
    // Recompute award-0's chain from the edit on, as an insider with the formula would.
    let prev = rechained[6]!.metadata.hash as string;
    for (const i of [9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39]) {
      const { hash: _old, ...metadata } = { ...rechained[i]!.metadata, prevHash: prev } as JsonObject;
      prev = computeEventHash('DisbursementPaid', rechained[i]!.data, metadata);
      rechained[i] = { ...rechained[i]!, metadata: { ...metadata, hash: prev } };
    }
    const audit = await auditLog(read(rechained), anchorOf(log.slice(0, 20)));
    expect(audit.findings).toEqual([]);
    expect(audit.anchorCheck).toMatchObject({ consistent: false, finding: { code: 'ROOT_MISMATCH' } });
  });

  it('counts events removed before the checkpoint', async () => {
    const audit = await auditLog(read(log.filter((event) => event.position !== 5n)), anchorOf(log.slice(0, 20)));
    expect(audit.anchorCheck?.finding).toMatchObject({ code: 'EVENTS_MISSING_BEFORE_CHECKPOINT', position: 20n });
    expect(audit.findings[0]).toMatchObject({ code: 'REVISION_OUT_OF_SEQUENCE', stream: 'award-1', position: 8n });
  });

  it('says the log is shorter than the checkpoint when its end was cut off', async () => {
    const audit = await auditLog(read(log.slice(0, 30)), anchorOf(log));
    expect(audit.anchorCheck?.finding).toMatchObject({ code: 'LOG_SHORTER_THAN_CHECKPOINT' });
  });
});
