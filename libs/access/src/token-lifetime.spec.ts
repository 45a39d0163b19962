import { parseTokenLifetime } from './token-lifetime';

describe('token lifetime', () => {
  it.each([
    ['90', 90],
    ['45s', 45],
    ['30m', 1800],
    ['8h', 28800],
    ['2d', 172800],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(parseTokenLifetime(text)).toBe(seconds);
  });

  it.each(['', '0', '0h', '-1h', '1.5h', '8 hours', '1w', 'h'])('refuses %j', (text) => {
    expect(() => parseTokenLifetime(text)).toThrow(/positive whole number of s, m, h or d/);
  });
});
