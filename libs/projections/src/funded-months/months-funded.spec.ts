import { Money } from '@fundledger/money';
import { MonthsFunded, presentMonthsFunded } from './months-funded';

const gbp = (amount: string): Money => Money.fromString(amount);

describe('months funded', () => {
  it('adds fractions of months exactly', () => {
    // 0.01/0.03 + 0.01/0.06 = 1/3 + 1/6 = 1/2
    const total = MonthsFunded.ratio(gbp('0.01'), gbp('0.03')).plus(MonthsFunded.ratio(gbp('0.01'), gbp('0.06')));

    expect([total.numerator, total.denominator]).toEqual([1n, 2n]);
    expect(total.toFixed4()).toBe('0.5000');
  });

  it('rounds half up once, on the exact sum', () => {
    // 1/3 + 1/6 + 0.01/200.00 = 0.5 + 0.00005 = 0.50005 exactly -> half up -> 0.5001.
    // (Adding 40-digit truncated decimals would give 0.50004999… and present 0.5000.)
    const total = MonthsFunded.sum([
      MonthsFunded.ratio(gbp('0.01'), gbp('0.03')),
      MonthsFunded.ratio(gbp('0.01'), gbp('0.06')),
      MonthsFunded.ratio(gbp('0.01'), gbp('200.00')),
    ]);

    expect(total.toFixed4()).toBe('0.5001');
  });

  it('rounds below the half down', () => {
    // 0.01/300.00 = 1/30000 = 0.0000333… -> 0.0000
    expect(MonthsFunded.ratio(gbp('0.01'), gbp('300.00')).toFixed4()).toBe('0.0000');
  });

  it('presents whole months with four places', () => {
    // 8 whole months + 2/3 = 8.6666… -> 8.6667
    expect(MonthsFunded.whole(8).plus(MonthsFunded.ratio(gbp('2.00'), gbp('3.00'))).toFixed4()).toBe('8.6667');
  });

  it('refuses a share of a month that costs nothing', () => {
    expect(() => MonthsFunded.ratio(gbp('1.00'), Money.zero())).toThrow(RangeError);
  });
});

describe('months funded as printed per source', () => {
  const ratio = (part: string, whole: string) => MonthsFunded.ratio(Money.fromString(part), Money.fromString(whole));

  it('add up to their sum rounded once, the leftover ten-thousandths to the largest remainders', () => {
    const thirds = [ratio('1.00', '3.00'), ratio('1.00', '3.00'), ratio('1.00', '3.00')];
    // Each 0.3333…, the sum exactly 1: rounded alone they would print 0.9999.
    expect(presentMonthsFunded(thirds)).toEqual(['0.3334', '0.3333', '0.3333']);
  });

  it('leaves figures that already add up as they round', () =>
    expect(presentMonthsFunded([ratio('1.00', '4.00'), MonthsFunded.whole(2)])).toEqual(['0.2500', '2.0000']));

  it('prints nothing for no sources', () => expect(presentMonthsFunded([])).toEqual([]));
});
