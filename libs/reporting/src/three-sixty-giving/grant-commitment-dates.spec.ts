import type { RecordedEvent } from '@fundledger/event-store';
import {
  emptyGrantCommitmentDates,
  evolveGrantCommitmentDates,
  foldGrantCommitmentDates,
  grantCommitmentKey,
} from './grant-commitment-dates';

const recorded = (stream: string, type: string, recordedAt: string, data: Record<string, string> = {}): RecordedEvent => ({
  id: `${stream}-${type}-${recordedAt}`,
  stream,
  type,
  data,
  metadata: {},
  revision: 0n,
  position: 1n,
  recordedAt,
});

describe('grant commitment dates', () => {
  it('keys each grant by its award, from the award stream', () => {
    const dates = foldGrantCommitmentDates([
      recorded('award-a-1', 'GrantCommitted', '2024-04-01T09:00:00.000Z', { grantId: 'g-1' }),
      recorded('award-a-2', 'GrantCommitted', '2024-05-01T09:00:00.000Z', { grantId: 'g-1' }),
    ]);
    expect([...dates]).toEqual([
      [grantCommitmentKey('a-1', 'g-1'), '2024-04-01'],
      [grantCommitmentKey('a-2', 'g-1'), '2024-05-01'],
    ]);
  });

  it('ignores other events and other streams, leaving the map as it was', () => {
    const events = [
      recorded('award-a-1', 'GrantCommitmentVaried', '2024-04-01T09:00:00.000Z', { grantId: 'g-1' }),
      recorded('programme-p-1', 'GrantCommitted', '2024-04-01T09:00:00.000Z', { grantId: 'g-1' }),
    ];
    expect(events.reduce(evolveGrantCommitmentDates, emptyGrantCommitmentDates)).toBe(emptyGrantCommitmentDates);
  });

  it('keeps the first date: a grant id is committed once within its award', () => {
    const first = evolveGrantCommitmentDates(
      emptyGrantCommitmentDates,
      recorded('award-a-1', 'GrantCommitted', '2024-04-01T09:00:00.000Z', { grantId: 'g-1' }),
    );
    const again = evolveGrantCommitmentDates(
      first,
      recorded('award-a-1', 'GrantCommitted', '2024-06-01T09:00:00.000Z', { grantId: 'g-1' }),
    );
    expect(again.get(grantCommitmentKey('a-1', 'g-1'))).toBe('2024-04-01');
  });
});
