import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

describe('canonical JSON for event hashes', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: { d: '1', c: ['x', { f: true, e: null }] }, a: '£200,124.66' })).toBe(
      '{"a":"£200,124.66","b":{"c":["x",{"e":null,"f":true}],"d":"1"}}',
    );
  });

  it('drops undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: '1', b: undefined as unknown as string })).toBe('{"a":"1"}');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('canonical JSON cannot represent NaN');
  });

  it('gives the same text whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean(), fc.constant(null))), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(record);
      }),
    );
  });
});
