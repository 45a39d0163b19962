import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * fixtures/ is a copy of the shared command scripts (../shared/fixtures beside the clone) so that a
 * lone clone can run every test. Whenever the originals are there, the copy must be identical to them.
 *
 * The folder is read here, at collection, and nowhere inside a describe: jest runs a describe's body
 * (skipped or not) to collect its tests, so reading a missing folder there fails a lone clone's suite.
 */
const COPY = resolve(__dirname, '../fixtures');
const SHARED = resolve(__dirname, '../../shared/fixtures');

const isFixtureFile = (name: string): boolean => name.endsWith('.json') || name === 'README.md';
const originals = existsSync(SHARED) ? readdirSync(SHARED).filter(isFixtureFile) : [];

describe('the fixtures copy', () => {
  if (originals.length === 0) {
    // Reported as skipped, never as passed: nothing was compared.
    it.skip(`is compared with the shared originals (none at ${SHARED})`, () => undefined);
    return;
  }

  it.each(originals)('%s is identical to the shared original', (name) => {
    expect(readFileSync(join(COPY, name), 'utf8')).toBe(readFileSync(join(SHARED, name), 'utf8'));
  });
});
