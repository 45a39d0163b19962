import fc from 'fast-check';
import { PersistentMap } from './persistent-map';

describe('PersistentMap', () => {
  it('keeps every earlier version exactly as it was, whichever version is extended (against a copied Map)', () =>
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.nat(), key: fc.integer({ min: 0, max: 6 }), value: fc.integer() }), { maxLength: 120 }),
        (steps) => {
          const versions: Array<{ map: PersistentMap<number, number>; model: Map<number, number> }> = [
            { map: PersistentMap.of(), model: new Map() },
          ];
          for (const { from, key, value } of steps) {
            const base = versions[from % versions.length];
            versions.push({ map: base.map.set(key, value), model: new Map(base.model).set(key, value) });
          }
          for (const { map, model } of versions) {
            expect([...map]).toEqual([...model]);
            expect(map.size).toBe(model.size);
            for (let key = 0; key <= 6; key += 1) expect([map.has(key), map.get(key)]).toEqual([model.has(key), model.get(key)]);
          }
        },
      ),
    ));

  it('lists keys in first-insertion order, as a Map does', () => {
    const map = PersistentMap.of([['b', 1]]).set('a', 2).set('b', 3);
    expect([...map.keys()]).toEqual(['b', 'a']);
    expect([...map.values()]).toEqual([3, 2]);
  });

  it('compares equal to another map with the same entries however each was built', () => {
    const built = PersistentMap.of<string, number>().set('x', 1).set('x', 2);
    expect(built).toEqual(PersistentMap.of([['x', 2]]));
    expect(built).not.toEqual(PersistentMap.of([['x', 1]]));
  });
});
