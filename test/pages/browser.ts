import { existsSync } from 'node:fs';

/** Debian's Chromium (apt-get install -y chromium), or the one FUNDLEDGER_CHROMIUM names. */
const CANDIDATES = [process.env.FUNDLEDGER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = (): string | undefined => CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

/**
 * The browser suite needs Chromium. In CI its absence fails the run loudly; on a developer's machine
 * the suite is skipped with a plain message saying how to install it, and jest counts it as skipped.
 */
export const browserAvailable = (): boolean => {
  if (chromiumPath() !== undefined) return true;
  const message = 'Chromium not found (looked for FUNDLEDGER_CHROMIUM, /usr/bin/chromium): install it with `apt-get install -y chromium`';
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run the browser suite`);
  process.stderr.write(`SKIPPING the browser suite: ${message}\n`);
  return false;
};
