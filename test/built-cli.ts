import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The built CLI, as an operator runs it: `npm test` builds dist/ before jest starts. */
export const BUILT_CLI = resolve(__dirname, '../dist/apps/cli/src/main.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI in `cwd`. No FUNDLEDGER_* variable of the test's own environment leaks in, so
 * the store is the one the arguments (or `env`) name and nothing else; the configuration directory
 * (the signing secret's) is `cwd`'s `.config` unless `env` names another, never the user's own.
 */
export function runBuiltCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  if (!existsSync(BUILT_CLI)) {
    return Promise.reject(new Error(`${BUILT_CLI} is missing: run \`npm run build\` first (\`npm test\` does)`));
  }
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FUNDLEDGER_')));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd: options.cwd, env: { ...inherited, XDG_CONFIG_HOME: join(options.cwd, '.config'), ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
