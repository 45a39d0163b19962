import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReadModelMovedOnError, ReadModelStore, type ViewRow } from './read-model.store';

const row = (id: string, position: bigint, json = `{"id":"${id}","at":"${position}"}`): ViewRow => ({ kind: 'award', id, json, position });
const at = (position: bigint) => ({ position, eventId: `event-${position}` });

describe('the read-model store', () => {
  let dir: string;
  let file: string;
  let store: ReadModelStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-read-models-'));
    file = join(dir, 'ledger.read-models.sqlite');
    store = ReadModelStore.open(file, 'format-1');
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when a batch is committed', () => {
    it('holds its rows and the checkpoint after it', () => {
      store.commit('ledger', [row('a', 3n), row('b', 5n)], at(5n));
      expect(store.rows()).toEqual([row('a', 3n), row('b', 5n)]);
      expect(store.checkpoint('ledger')).toEqual(at(5n));
    });

    it('writes neither rows nor checkpoint when any row fails (one transaction)', () => {
      store.commit('ledger', [row('a', 3n)], at(3n));
      const broken = { kind: 'award', id: 'b', json: null as unknown as string, position: 4n };
      expect(() => store.commit('ledger', [row('a', 4n), broken], at(4n))).toThrow(/NOT NULL/);
      expect(store.rows()).toEqual([row('a', 3n)]);
      expect(store.checkpoint('ledger')).toEqual(at(3n));
    });

    it('never moves a row or the checkpoint backwards (another process got further first)', () => {
      store.commit('ledger', [row('a', 12n)], at(12n));
      store.commit('ledger', [row('a', 9n), row('b', 10n)], at(10n));
      expect(store.rows()).toEqual([row('a', 12n), row('b', 10n)]);
      expect(store.checkpoint('ledger')).toEqual(at(12n));
    });

    it('compares positions as numbers, not as text', () => {
      store.commit('ledger', [row('a', 9n)], at(9n));
      store.commit('ledger', [row('a', 10n)], at(10n));
      expect(store.row('award', 'a')?.position).toBe(10n);
      expect(store.checkpoint('ledger')?.position).toBe(10n);
    });
  });

  describe('when a rebuild replaces everything', () => {
    it('leaves only its rows and its checkpoint', () => {
      store.commit('ledger', [row('stale', 2n)], at(2n));
      store.replaceAll('ledger', [row('a', 4n)], at(4n));
      expect(store.rows()).toEqual([row('a', 4n)]);
      expect(store.checkpoint('ledger')).toEqual(at(4n));
    });

    it('is refused when the checkpoint is already past the rebuilt position', () => {
      store.commit('ledger', [row('a', 8n)], at(8n));
      expect(() => store.replaceAll('ledger', [row('a', 6n)], at(6n))).toThrow(ReadModelMovedOnError);
      expect(store.rows()).toEqual([row('a', 8n)]);
    });
  });

  describe('when the file was written by another build', () => {
    it('keeps the rows of the same view format across reopening', () => {
      store.commit('ledger', [row('a', 3n)], at(3n));
      store.close();
      store = ReadModelStore.open(file, 'format-1');
      expect(store.rows()).toEqual([row('a', 3n)]);
    });

    it('empties a file of another view format: it is a cache, rebuilt from the log', () => {
      store.commit('ledger', [row('a', 3n)], at(3n));
      store.close();
      store = ReadModelStore.open(file, 'format-2');
      expect(store.rows()).toEqual([]);
      expect(store.checkpoint('ledger')).toBeUndefined();
    });

    it('empties a file of another schema version', () => {
      store.commit('ledger', [row('a', 3n)], at(3n));
      store.close();
      const raw = new Database(file);
      raw.prepare('UPDATE read_model_schema SET version = 999').run();
      raw.close();
      store = ReadModelStore.open(file, 'format-1');
      expect(store.rows()).toEqual([]);
    });
  });
});
