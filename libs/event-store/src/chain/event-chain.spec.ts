import { computeEventHash, findChainBreak, GENESIS_HASH, type ChainedEvent } from './event-chain';

const chained = (items: Array<{ type: string; data: Record<string, string> }>): ChainedEvent[] => {
  let prevHash = GENESIS_HASH;
  return items.map((item, i) => {
    const metadata = { actor: { id: 'fo-1', role: 'finance-officer' }, prevHash };
    const hash = computeEventHash(item.type, item.data, metadata);
    prevHash = hash;
    return { ...item, metadata: { ...metadata, hash }, revision: BigInt(i) };
  });
};

describe('the per-stream hash chain', () => {
  const stream = chained([
    { type: 'AwardMade', data: { amount: '200333.33' } },
    { type: 'AwardVaried', data: { newAmount: '200124.66' } },
    { type: 'MatchFundingPledged', data: { amount: '38117.00' } },
  ]);

  it('verifies an untouched stream', () => {
    expect(findChainBreak(stream)).toBeNull();
  });

  it('finds a figure changed after recording', () => {
    const tampered = stream.map((e) => (e.revision === 1n ? { ...e, data: { newAmount: '200124.67' } } : e));
    expect(findChainBreak(tampered)).toMatchObject({ revision: 1n, problem: 'HASH_MISMATCH' });
  });

  it('finds a change to who recorded an event', () => {
    const tampered = stream.map((e) =>
      e.revision === 0n ? { ...e, metadata: { ...e.metadata, actor: { id: 'someone-else', role: 'finance-officer' } } } : e,
    );
    expect(findChainBreak(tampered)).toMatchObject({ revision: 0n, problem: 'HASH_MISMATCH' });
  });

  it('finds an event removed from the middle', () => {
    expect(findChainBreak([stream[0], { ...stream[2], revision: 1n }])).toMatchObject({
      revision: 1n,
      problem: 'PREV_HASH_MISMATCH',
      expected: stream[0].metadata.hash,
    });
  });

  it('covers the event type: the same data recorded under another type hashes differently', () => {
    const metadata = { prevHash: GENESIS_HASH };
    expect(computeEventHash('MatchFundingPledged', { amount: '1.00' }, metadata)).not.toBe(
      computeEventHash('MatchFundingReceived', { amount: '1.00' }, metadata),
    );
  });
});
