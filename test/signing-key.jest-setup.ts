import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * No spec may create or read a checkpoint signing key in the real ~/.config: every test file, and every
 * CLI or service it starts (they inherit the environment), gets a home and configuration directory of
 * its own. HOME too, because specs pass loadApiConfig an environment of their own without
 * XDG_CONFIG_HOME, and the default then falls back to the home directory.
 */
const home = mkdtempSync(join(tmpdir(), 'fundledger-home-'));
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = join(home, '.config');
delete process.env.FUNDLEDGER_SIGNING_KEY;
process.on('exit', () => rmSync(home, { recursive: true, force: true }));
