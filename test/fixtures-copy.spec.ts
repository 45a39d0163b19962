import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * fixtures/ is a copy of the shared command scripts (../shared/fixtures beside the clone) so that a
 * lone clone can run every test. Whenever the originals are there, the copy must be identical to them.
 */
const COPY = resolve(__dirname, '../fixtures');
const SHARED = resolve(__dirname, '../../shared/fixtures');
const describeWhenShared = existsSync(SHARED) ? describe : describe.skip;

describeWhenShared('the fixtures copy', () => {
  const names = readdirSync(SHARED).filter((name) => name.endsWith('.json') || name === 'README.md');

  it.each(names)('%s is identical to the shared original', (name) => {
    expect(readFileSync(join(COPY, name), 'utf8')).toBe(readFileSync(join(SHARED, name), 'utf8'));
  });
});
