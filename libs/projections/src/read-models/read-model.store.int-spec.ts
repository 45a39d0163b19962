import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReadModelStore, type ViewRow } from './read-model.store';

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

  describe("when a batch writes a projection's rows for a source", () => {
    const line = (key: string, partition: string, json: string) => ({ key, partition, ordinal: 1n, funderId: 'f', recipientId: 'r', json });

    it("replaces that source's earlier rows whole, and leaves other sources' alone", () => {
      store.commit('ledger', [], at(3n), [
        { projection: 'statements', source: 'award/a', position: 3n, rows: [line('a/0', 'org-1', '1'), line('a/1', 'org-2', '2')] },
        { projection: 'statements', source: 'award/b', position: 3n, rows: [line('b/0', 'org-1', '3')] },
      ]);
      store.commit('ledger', [], at(4n), [{ projection: 'statements', source: 'award/a', position: 4n, rows: [line('a/0', 'org-1', '4')] }]);
      expect(store.reportRows('statements', 'org-1').map((row) => row.json)).toEqual(['4', '3']);
      expect(store.reportRows('statements', 'org-2')).toEqual([]);
    });

    it('never replaces rows written from a later position (another process got further first)', () => {
      store.commit('ledger', [], at(9n), [{ projection: 'p', source: 'award/a', position: 9n, rows: [line('a', 'a', 'later')] }]);
      store.commit('ledger', [], at(8n), [{ projection: 'p', source: 'award/a', position: 8n, rows: [line('a', 'a', 'earlier')] }]);
      expect(store.reportRow('p', 'a')).toEqual({ key: 'a', funderId: 'f', recipientId: 'r', json: 'later' });
    });

    it('is forgotten with everything else when the file is cleared', () => {
      store.commit('ledger', [row('a', 2n)], at(2n), [{ projection: 'p', source: 'award/a', position: 2n, rows: [line('a', 'a', '1')] }]);
      store.clear();
      expect(store.reportRows('p')).toEqual([]);
      expect(store.checkpoint('ledger')).toBeUndefined();
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
