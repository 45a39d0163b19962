import { Money } from '@fundledger/money';
import {
  awardClosed,
  awardMade,
  disbursementPaid,
  disbursementReversed,
  grantCommitted,
  matchFundingPledged,
  spendProfileSet,
} from '../funding.test-builders';
import { AWARD_SNAPSHOT_VERSION, decodeAwardState, encodeAwardState } from './award.snapshot';
import { foldAward, initialAwardState, type Award } from './award.state';

/** Through JSON text, as the snapshots table holds it. */
const roundTrip = (state: ReturnType<typeof foldAward>) =>
  decodeAwardState(JSON.parse(JSON.stringify(encodeAwardState(state))), AWARD_SNAPSHOT_VERSION);

describe('the award snapshot codec', () => {
  const history = [
    awardMade('100000.00'),
    matchFundingPledged('25000.00'),
    grantCommitted('40000.00'),
    disbursementPaid('12345.67'),
    disbursementPaid('0.01', { disbursementId: 'd-2' }),
    disbursementReversed({ disbursementId: 'd-2' }),
    spendProfileSet({ '2021-10': '1000.00', '2021-11': '0.00' }),
  ];

  it('reads back exactly the folded award: amounts to the penny, maps whole and in order, reversals kept', () => {
    const folded = foldAward(history);
    const read = roundTrip(folded) as Award;
    expect(read).toEqual(folded);
    expect([...read.disbursements.keys()]).toEqual(['d-1', 'd-2']);
    expect(read.disbursements.get('d-2')).toMatchObject({ reversed: true, amount: Money.fromString('0.01') });
    expect(read.grants.get('g-harbour')?.paid.toString()).toBe('12345.67');
  });

  it('reads back an award not yet made, and one closed with its underspend', () => {
    expect(roundTrip(initialAwardState)).toEqual(initialAwardState);
    const closed = foldAward([...history, awardClosed('27654.33')]);
    expect(roundTrip(closed)).toEqual(closed);
  });

  it('extends the award read back as the fold would: a payment after the snapshot lands beside the others', () => {
    const read = roundTrip(foldAward(history)) as Award;
    const later = disbursementPaid('1.00', { disbursementId: 'd-3' });
    expect(foldAward([later], read)).toEqual(foldAward([...history, later]));
  });

  it('reads no snapshot of another version', () => {
    const encoded = encodeAwardState(foldAward(history));
    expect(decodeAwardState(encoded, AWARD_SNAPSHOT_VERSION + 1)).toBeUndefined();
    expect(decodeAwardState(encoded, AWARD_SNAPSHOT_VERSION - 1)).toBeUndefined();
  });
});
