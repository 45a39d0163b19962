import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Layers point one way: the libraries' production code (specs and test builders aside, which may
 * reach up to build real histories) must form no import cycle, and the domain must not lean on the
 * read side. A new import that breaks either fails here with the path that closes the loop.
 */
const LIBS = resolve(__dirname, '..', 'libs');
const IMPORT = /(?:from|import)\s*\(?\s*'@fundledger\/([a-z-]+)/g;
const isProduction = (file: string): boolean => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|test-builders)\.ts$/.test(file);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : isProduction(entry.name) ? [join(dir, entry.name)] : [],
  );

const libraryImports = (): Map<string, Set<string>> => {
  const graph = new Map<string, Set<string>>();
  for (const lib of readdirSync(LIBS)) {
    const uses = new Set<string>();
    for (const file of filesUnder(join(LIBS, lib, 'src'))) {
      for (const [, used] of readFileSync(file, 'utf8').matchAll(IMPORT)) if (used !== lib) uses.add(used!);
    }
    graph.set(lib, uses);
  }
  return graph;
};

/** The first cycle found, as the libraries along it, or undefined. */
const cycleIn = (graph: Map<string, Set<string>>): string[] | undefined => {
  const done = new Set<string>();
  const visit = (lib: string, path: string[]): string[] | undefined => {
    if (path.includes(lib)) return [...path.slice(path.indexOf(lib)), lib];
    if (done.has(lib)) return undefined;
    for (const used of graph.get(lib) ?? []) {
      const cycle = visit(used, [...path, lib]);
      if (cycle) return cycle;
    }
    done.add(lib);
    return undefined;
  };
  for (const lib of graph.keys()) {
    const cycle = visit(lib, []);
    if (cycle) return cycle;
  }
  return undefined;
};

describe('library layering', () => {
  const graph = libraryImports();

  it('has no import cycle between libraries', () => {
    expect(cycleIn(graph)).toBeUndefined();
  });

  it('keeps the domain (funding) free of the read side: no projections, no reporting', () => {
    expect([...graph.get('funding')!].filter((lib) => lib === 'projections' || lib === 'reporting')).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const looped = new Map([...graph].map(([lib, uses]) => [lib, new Set(uses)]));
    looped.get('money')!.add('funding');
    expect(cycleIn(looped)).toEqual(expect.arrayContaining(['money', 'funding']));
  });
});
