import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateFile } from './private-file';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('private files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fundledger-private-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing file 0600 in a new directory 0700', () => {
    const path = join(root, 'data', 'ledger.sqlite');
    ensurePrivateFile(path);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(join(root, 'data'))).toBe(0o700);
  });

  it('leaves an existing file and its content as they are', () => {
    const path = join(root, 'kept.sqlite');
    writeFileSync(path, 'content', { mode: 0o640 });
    ensurePrivateFile(path);
    expect(modeOf(path)).toBe(0o640);
    expect(statSync(path).size).toBe(7);
  });
});
