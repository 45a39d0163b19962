/**
 * An immutable map whose `set` costs O(1) amortised when each version is extended once, as a fold does.
 * The fold of an award used to copy its disbursement and grant maps on every event, so a command on a
 * stream of n events cost O(n²). Versions share one store of dated entries; a version sees only entries
 * dated at or before it, so every earlier state stays exactly as it was. Extending an older version
 * (a branch) or a store carrying many superseded values copies once into a fresh store, which keeps
 * both the amortised cost and the memory proportional to what the map holds.
 */
interface Dated<V> {
  readonly version: number;
  readonly value: V;
}

interface Store<K, V> {
  head: number;
  /** Entries ever written, superseded ones included: drives compaction. */
  written: number;
  readonly entries: Map<K, Dated<V>[]>;
}

export class PersistentMap<K, V> implements ReadonlyMap<K, V> {
  // Private fields are not own enumerable properties, so two maps with equal entries compare equal.
  readonly #store: Store<K, V>;
  readonly #version: number;
  readonly #size: number;

  private constructor(store: Store<K, V>, version: number, size: number) {
    this.#store = store;
    this.#version = version;
    this.#size = size;
  }

  static of<K, V>(entries: Iterable<readonly [K, V]> = []): PersistentMap<K, V> {
    const map = new Map<K, Dated<V>[]>();
    for (const [key, value] of entries) map.set(key, [{ version: 0, value }]);
    return new PersistentMap({ head: 0, written: map.size, entries: map }, 0, map.size);
  }

  /** A map with this one's entries and key set to value; this map is unchanged. */
  set(key: K, value: V): PersistentMap<K, V> {
    const store = this.#store;
    if (store.head !== this.#version || store.written > 2 * this.#size + 32) return PersistentMap.of(this).set(key, value);
    const had = this.has(key);
    store.head += 1;
    store.written += 1;
    const dated = { version: store.head, value };
    const history = store.entries.get(key);
    if (history === undefined) store.entries.set(key, [dated]);
    else history.push(dated);
    return new PersistentMap(store, store.head, had ? this.#size : this.#size + 1);
  }

  get size(): number {
    return this.#size;
  }

  get(key: K): V | undefined {
    return this.#visible(this.#store.entries.get(key))?.value;
  }

  has(key: K): boolean {
    return this.#visible(this.#store.entries.get(key)) !== undefined;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, history] of this.#store.entries) {
      const dated = this.#visible(history);
      if (dated !== undefined) yield [key, dated.value];
    }
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }

  /** The newest entry this version can see; a fold reads the last one, so the scan is O(1) in practice. */
  #visible(history: Dated<V>[] | undefined): Dated<V> | undefined {
    if (history === undefined) return undefined;
    for (let i = history.length - 1; i >= 0; i -= 1) if (history[i].version <= this.#version) return history[i];
    return undefined;
  }
}
