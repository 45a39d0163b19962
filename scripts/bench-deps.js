#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`'s prebench: installs bench/'s own dependencies (the peer, Emmett's SQLite store, and
 * the HTTP load generator, autocannon) when bench/node_modules does not hold the versions
 * bench/package.json pins. They live there so that the service's `npm ci` never installs them. An
 * install that fails (no registry, no compiler for sqlite3) does not stop the bench: the scenarios
 * that need them say that they are not installed and how to install them, and the rest still run.
 *
 * Plain CommonJS with no dependencies: it runs before anything is installed or compiled.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const BENCH = join(__dirname, '..', 'bench');
const INSTALL = ['ci', '--legacy-peer-deps', '--no-audit', '--no-fund'];

const installedVersion = (name) => {
  const manifest = join(BENCH, 'node_modules', ...name.split('/'), 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
};

const { dependencies } = JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8'));
const stale = Object.entries(dependencies).filter(([name, version]) => installedVersion(name) !== version);
if (stale.length > 0) {
  process.stderr.write(
    `bench: installing bench/'s own dependencies (${stale.map(([name, version]) => `${name}@${version}`).join(', ')}): ` +
      `cd bench && npm ${INSTALL.join(' ')}; sqlite3 compiles with node-gyp, which takes minutes once\n`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, INSTALL, { cwd: BENCH, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`bench: the install failed (exit ${result.status ?? result.signal}); running without the peer and the HTTP load generator\n`);
  }
}
