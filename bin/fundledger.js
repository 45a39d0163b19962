#!/usr/bin/env node
'use strict';
// `npx fundledger <command>` and `npm run cli -- <command>` from the checkout: the built CLI, built
// first only when a source changed. The compiler's messages go to stderr: stdout is the command's.
const { buildIfStale } = require('../scripts/build');

const STDERR = 2;

if (buildIfStale({ stdout: STDERR })) {
  require('../dist/apps/cli/src/main.js');
} else {
  process.stderr.write('fundledger: the build failed (the compiler says why above); nothing was run\n');
  process.exitCode = 1;
}
