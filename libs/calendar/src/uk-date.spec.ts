import { ukDateOf } from './uk-date';

describe('the UK calendar date of an instant', () => {
  it('is the next day for 00:30 BST, which is still the day before in UTC', () => {
    expect(ukDateOf('2021-07-31T23:30:00.000Z')).toBe('2021-08-01');
  });

  it('is the UTC day in winter, when the UK keeps GMT', () => {
    expect(ukDateOf('2021-12-31T23:30:00.000Z')).toBe('2021-12-31');
  });

  it('takes a Date as well as an ISO string', () => {
    expect(ukDateOf(new Date('2022-03-31T23:30:00.000Z'))).toBe('2022-04-01');
  });
});
