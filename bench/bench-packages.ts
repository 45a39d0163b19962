import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** How to install bench/'s own dependencies (`npm run bench` does it first, in its prebench). */
export const BENCH_INSTALL = 'cd bench && npm ci --legacy-peer-deps';

/** The folder of bench/package.json, from the compiled bench (dist/bench/…) or its sources (bench/…). */
export const benchPackageFolder = (): string => {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    if (existsSync(join(folder, 'bench', 'package.json'))) return join(folder, 'bench');
  }
  throw new Error(`no bench/package.json above ${__dirname}`);
};

/**
 * `require` from bench/'s own node_modules, which the service's install never fills: the peer and the
 * load generator. Loaded only when a scenario runs, so the rest of the bench works without them.
 */
export const benchRequire = (): NodeJS.Require => createRequire(join(benchPackageFolder(), 'package.json'));

/** Runs `load`, turning a missing module into a plain sentence: what is missing and how to install it. */
export const loadBenchPackage = <T>(what: string, load: (require: NodeJS.Require) => T): T | { readonly missing: string } => {
  try {
    return load(benchRequire());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return { missing: `${what} is not installed in ${benchPackageFolder()} (${(error as Error).message.split('\n')[0]}): ${BENCH_INSTALL}` };
  }
};
