#!/usr/bin/env node
'use strict';
/**
 * The one build of dist/: `tsc` (incremental, through dist/.tsbuildinfo) then `tsc-alias`, and a
 * stamp saying which sources it was built from. `--if-stale` builds only when a source changed since
 * that stamp: a stat of each source (tens of milliseconds) instead of tsc's own check (4 s here, most
 * of it loading and checking the program), so `npm start`, `npm run cli` and `npx fundledger` start
 * at once when nothing changed and still pick up an edit. Not `tsc --build`: its up-to-date check
 * trusts modification times and skips a new file dated before the last build.
 *
 * Plain CommonJS with no dependencies: it runs before anything is compiled.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.build-stamp.json');
const STARTED = join(DIST, '.build-started');
const BUILD_CONFIG = 'tsconfig.build.json';
/** What must exist for dist/ to be usable: what the scripts and bin run. */
const ENTRY_POINTS = ['apps/api/src/main.js', 'apps/cli/src/main.js', 'bench/run.js'];
/** Inputs outside the config's include patterns: settings, dependencies and this recipe. */
const ROOT_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', BUILD_CONFIG, 'scripts/build.js'];

/** A tsconfig glob (`*`, `**`) as a regular expression over a /-separated relative path. */
const globPattern = (glob) => {
  const body = glob
    .split('/')
    .map((part) => (part === '**' ? '\u0000' : part.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/')
    .replace(/\u0000\//g, '(?:.*/)?')
    .replace(/\/\u0000$/, '(?:/.*)?')
    .replace(/\u0000/g, '.*');
  return new RegExp(`^${body}$`);
};

/** node_modules is skipped as tsc's wildcards skip it: bench/ has its own (the peer), which is never a source. */
const walk = (directory, found) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && entry.name === 'node_modules') continue;
    if (entry.isDirectory()) walk(path, found);
    else if (entry.isFile()) found.push(relative(ROOT, path).split(sep).join('/'));
  }
  return found;
};

/**
 * Every file the build reads: the TypeScript sources tsconfig.build.json selects (its own include
 * and exclude patterns), the JSON files under the same folders (imported with resolveJsonModule and
 * copied to dist/), and ROOT_INPUTS.
 */
const buildInputs = () => {
  const config = JSON.parse(readFileSync(join(ROOT, BUILD_CONFIG), 'utf8'));
  const include = config.include.map(globPattern);
  const exclude = config.exclude.map(globPattern);
  const folders = [...new Set(config.include.map((glob) => glob.split('/')[0]))];
  const selected = (path) =>
    (path.endsWith('.json') || include.some((pattern) => pattern.test(path))) && !exclude.some((pattern) => pattern.test(path));
  const sources = folders
    .filter((folder) => existsSync(join(ROOT, folder)))
    .flatMap((folder) => walk(join(ROOT, folder), []))
    .filter(selected);
  return [...ROOT_INPUTS.filter((path) => existsSync(join(ROOT, path))), ...sources].sort();
};

const digestOf = (paths) => createHash('sha256').update(paths.join('\n')).digest('hex');

/** Why dist/ must be built again, or undefined when it was built from the sources as they are. */
const staleReason = () => {
  if (!existsSync(STAMP)) return existsSync(DIST) ? 'dist/ has no stamp of a completed build' : 'dist/ has not been built';
  const missing = ENTRY_POINTS.find((entry) => !existsSync(join(DIST, entry)));
  if (missing !== undefined) return `dist/${missing} is missing`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return 'the build stamp cannot be read';
  }
  const inputs = buildInputs();
  if (stamp.inputs !== digestOf(inputs)) return 'a source file was added or removed';
  // `>=`: a file written in the same clock tick as the stamp may have been read before its edit.
  const changed = inputs.find((path) => statSync(join(ROOT, path)).mtimeMs >= stamp.sourcesAsOf);
  return changed === undefined ? undefined : `${changed} changed`;
};

const run = (script, args, stdout) => {
  let path;
  try {
    path = require.resolve(script, { paths: [ROOT] });
  } catch {
    // Installed without devDependencies: there is nothing to compile with.
    process.stderr.write(`fundledger: cannot build: ${script} is not installed (run npm install with devDependencies)\n`);
    return false;
  }
  const result = spawnSync(process.execPath, [path, ...args], {
    cwd: ROOT,
    stdio: ['ignore', stdout, 'inherit'],
  });
  if (result.error) throw result.error;
  return result.status === 0;
};

/**
 * Builds dist/ and stamps it. `stdout` is where the compiler's messages go: the CLI passes its
 * stderr so that its own stdout carries only the command's output. Returns whether it succeeded.
 */
const build = ({ stdout = 'inherit' } = {}) => {
  mkdirSync(DIST, { recursive: true });
  // The incremental record lists what was emitted: with the outputs gone, tsc would not emit them again.
  if (ENTRY_POINTS.some((entry) => !existsSync(join(DIST, entry)))) rmSync(join(DIST, '.tsbuildinfo'), { force: true });
  rmSync(STAMP, { force: true });
  // The stamp's time comes from the file system's clock, the one that dates the sources' edits.
  writeFileSync(STARTED, '');
  const sourcesAsOf = statSync(STARTED).mtimeMs;
  const inputs = buildInputs();
  const built =
    run('typescript/bin/tsc', ['-p', BUILD_CONFIG], stdout) && run('tsc-alias/dist/bin/index.js', ['-p', BUILD_CONFIG], stdout);
  if (built) writeFileSync(STAMP, `${JSON.stringify({ sourcesAsOf, inputs: digestOf(inputs) })}\n`);
  return built;
};

/** Builds only when dist/ is stale, saying why on stderr. Returns whether dist/ is now usable. */
const buildIfStale = ({ stdout = 'inherit' } = {}) => {
  const reason = staleReason();
  if (reason === undefined) return true;
  process.stderr.write(`fundledger: building dist/ (${reason})\n`);
  return build({ stdout });
};

module.exports = { build, buildIfStale, buildInputs, staleReason };

if (require.main === module) {
  const built = process.argv.includes('--if-stale') ? buildIfStale() : build();
  if (!built) process.exitCode = 1;
}
