import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/**
 * A clone with nothing beside it must pass its own tests: CI lays the shared originals beside its
 * clone, so a suite that needs them would be green in CI and red for everyone who clones the repository. These
 * specs copy the repository into an empty folder and run jest there, as a newcomer would.
 */
const REPOSITORY = resolve(__dirname, '..');
const JEST = require.resolve('jest/bin/jest');
/** Local state and what the copy shares with this checkout instead of copying. */
const NOT_COPIED = new Set(['.git', 'node_modules', 'dist', 'data', 'coverage']);

interface JestResults {
  readonly numFailedTestSuites: number;
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly numPendingTests: number;
  readonly testResults: readonly { readonly assertionResults: readonly { readonly title: string; readonly status: string }[] }[];
}

describe('a clone with nothing beside it', () => {
  let parent: string;
  let clone: string;

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'fundledger-lone-clone-'));
    clone = join(parent, 'fundledger');
    cpSync(REPOSITORY, clone, {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(relative(REPOSITORY, source).split(sep)[0]),
    });
    symlinkSync(join(REPOSITORY, 'node_modules'), join(clone, 'node_modules'), 'dir');
  });

  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const jestIn = (cwd: string, args: readonly string[]) =>
    spawnSync(process.execPath, [JEST, '--ci', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

  const runSpec = (spec: string): JestResults => {
    const output = join(parent, 'results.json');
    rmSync(output, { force: true });
    jestIn(clone, ['--json', `--outputFile=${output}`, spec]);
    return JSON.parse(readFileSync(output, 'utf8')) as JestResults;
  };

  const titles = (results: JestResults, status: string): string[] =>
    results.testResults.flatMap((suite) => suite.assertionResults.filter((test) => test.status === status).map((test) => test.title));

  it('finds the same spec files as this checkout', () => {
    const specsIn = (cwd: string): string[] =>
      jestIn(cwd, ['--listTests'])
        .stdout.split('\n')
        .filter((line) => line.trim() !== '')
        .map((path) => relative(cwd, path))
        .sort();

    const inClone = specsIn(clone);

    expect(inClone).toContain(join('test', 'fixtures-copy.spec.ts'));
    expect(inClone).toEqual(specsIn(REPOSITORY));
  });

  it('runs the fixtures copy check without failing, reporting it skipped rather than passed', () => {
    const results = runSpec('test/fixtures-copy.spec.ts');

    expect(results.numFailedTestSuites).toBe(0);
    expect(results.numPassedTests).toBe(0);
    expect(results.numPendingTests).toBe(1);
  });

  describe('when the shared originals are laid beside it', () => {
    beforeAll(() => {
      const shared = join(parent, 'shared', 'fixtures');
      mkdirSync(shared, { recursive: true });
      writeFileSync(join(shared, 'cleveland-2021.json'), readFileSync(join(clone, 'fixtures', 'cleveland-2021.json')));
      writeFileSync(join(shared, 'norfolk-2023.json'), '{ "an original": "that the copy does not match" }\n');
    });

    afterAll(() => rmSync(join(parent, 'shared'), { recursive: true, force: true }));

    it('compares the copy with each original and fails on the one that differs', () => {
      const results = runSpec('test/fixtures-copy.spec.ts');

      expect(titles(results, 'passed')).toEqual(['cleveland-2021.json is identical to the shared original']);
      expect(titles(results, 'failed')).toEqual(['norfolk-2023.json is identical to the shared original']);
    });
  });
});
