import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The documents a reader is sent to live in the repository: code comments cite "DESIGN §n", which is
 * docs/DESIGN.md, and nothing points outside the clone, where a newcomer has nothing.
 */
const REPOSITORY = resolve(__dirname, '..');
const SEARCHED = ['apps', 'libs', 'bench', 'test', 'docs', 'scripts', 'bin', 'fixtures'];
const ROOT_FILES = ['README.md', 'Dockerfile', 'docker-compose.yml', 'package.json', '.ci/run'];
/** The one file whose business is the folder beside the clone: it compares fixtures/ with it. */
const LOOKS_BESIDE_THE_CLONE = 'test/fixtures-copy.spec.ts';
const THIS_SPEC = relative(REPOSITORY, __filename);

// Not node_modules: bench/ installs its own (the peer), which is not this repository's text.
const filesUnder = (folder: string): string[] =>
  readdirSync(join(REPOSITORY, folder), { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });

const sources = [...SEARCHED.flatMap(filesUnder), ...ROOT_FILES.filter((file) => existsSync(join(REPOSITORY, file)))];
const textOf = (file: string): string => readFileSync(join(REPOSITORY, file), 'utf8');

describe('the documentation', () => {
  const design = textOf('docs/DESIGN.md');
  const sections = new Set([...design.matchAll(/^## (\d+)\. /gm)].map(([, number]) => number));

  it('has the sections 1 to 7 the code cites', () => {
    expect([...sections]).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('has every section a "DESIGN §n" citation names', () => {
    const citations = sources.flatMap((file) =>
      [...textOf(file).matchAll(/DESIGN(?:\.md)? §(\d+)/g)].map(([citation, number]) => ({ file, citation, number })),
    );

    expect(citations.length).toBeGreaterThan(30);
    expect(citations.filter(({ number }) => !sections.has(number))).toEqual([]);
  });

  it('lists every ledger rule code the domain can raise', () => {
    const codes = textOf('libs/funding/src/errors/funding.errors.ts').match(/(?<=')[A-Z_]+(?=')/g) ?? [];

    expect(codes.length).toBeGreaterThan(25);
    expect(codes.filter((code) => !new RegExp(`\\b${code}\\b`).test(design))).toEqual([]);
  });

  it('refers to no document outside the repository', () => {
    const outside = [/\.\.\/shared\b/, /\bshared\/(?:fixtures|DESIGN|STYLE|PERF)/, /\b(?:STYLE|PERF)\.md\b/];
    // DESIGN.md is docs/DESIGN.md, or a relative link to it from beside it in docs/.
    const strayDesign = (file: string, line: string): boolean =>
      [...line.matchAll(/DESIGN\.md/g)].some(({ index = 0 }) =>
        !(line.slice(index - 'docs/'.length, index) === 'docs/' || (file.startsWith('docs/') && line[index - 1] === '(')),
      );
    const referring = sources
      .filter((file) => file !== LOOKS_BESIDE_THE_CLONE && file !== THIS_SPEC)
      .flatMap((file) =>
        textOf(file)
          .split('\n')
          .filter((line) => outside.some((pattern) => pattern.test(line)) || strayDesign(file, line))
          .map((line) => `${file}: ${line.trim()}`),
      );

    expect(referring).toEqual([]);
  });

  it('links only to files that exist', () => {
    const markdown = sources.filter((file) => file.endsWith('.md'));
    const broken = markdown.flatMap((file) =>
      [...textOf(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map(([, target]) => target)
        .filter((target) => !/^[a-z]+:/.test(target))
        .filter((target) => !existsSync(join(REPOSITORY, dirname(file), target)))
        .map((target) => `${file} → ${target}`),
    );

    expect(markdown).toEqual(expect.arrayContaining(['README.md', 'docs/DESIGN.md']));
    expect(broken).toEqual([]);
  });
});
