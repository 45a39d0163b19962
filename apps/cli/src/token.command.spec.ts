import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import { Command, CommanderError } from 'commander';
import { tokenCommand } from './token.command';

/** The program as main.ts builds it, throwing where commander would exit. */
const cli = () =>
  new Command('fundledger')
    .exitOverride()
    .option('--db <file>')
    .addCommand(tokenCommand().exitOverride());

const SECRET_VARIABLE = 'FUNDLEDGER_JWT_SECRET';
const VARIABLES = [SECRET_VARIABLE, 'XDG_CONFIG_HOME', 'FUNDLEDGER_TOKEN_MAX_LIFETIME'] as const;

describe('cli token', () => {
  let dataDirectory: string;
  let stdout: string;
  let stderr: string;
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
  const secretFile = () => join(dataDirectory, 'config', 'fundledger', 'jwt-secret');

  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'fundledger-token-'));
    for (const name of VARIABLES) delete process.env[name];
    // Never the user's own configuration directory.
    process.env.XDG_CONFIG_HOME = join(dataDirectory, 'config');
    stdout = '';
    stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const run = (...args: string[]) => cli().parseAsync(['--db', join(dataDirectory, 'ledger.sqlite'), ...args], { from: 'user' });

  const usageExitOf = async (...args: string[]): Promise<number> => {
    try {
      await run(...args);
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode;
      throw error;
    }
    throw new Error('expected a usage error');
  };

  describe('when given a role and a subject', () => {
    it('prints only a token the service accepts, signed with the secret in the configuration directory', async () => {
      await run('token', '--role', 'finance-officer', '--org', 'opcc-cleveland', '--sub', 'alice');
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const secret = readFileSync(secretFile(), 'utf8').trim();
      await expect(new AccessTokenService(secret).verify(stdout.trim())).resolves.toEqual({
        id: 'alice',
        role: 'finance-officer',
        orgs: ['opcc-cleveland'],
      });
      expect(stderr).toBe('');
      expect(existsSync(join(dataDirectory, 'jwt-secret'))).toBe(false);
    });

    it('names several organisations, or every one for an auditor', async () => {
      await run('token', '--role', 'auditor', '--org', 'opcc-cleveland,home-office', '--sub', 'carol');
      const tokens = new AccessTokenService(readFileSync(secretFile(), 'utf8').trim());
      expect((await tokens.verify(stdout.trim())).orgs).toEqual(['opcc-cleveland', 'home-office']);
      stdout = '';
      await run('token', '--role', 'auditor', '--org', '*', '--sub', 'nao');
      expect((await tokens.verify(stdout.trim())).orgs).toEqual(['*']);
    });

    it('uses FUNDLEDGER_JWT_SECRET when it is set', async () => {
      process.env[SECRET_VARIABLE] = 'configured-secret-for-the-token-spec-0123';
      await run('token', '--role', 'auditor', '--org', '*', '--sub', 'carol');
      expect((await new AccessTokenService('configured-secret-for-the-token-spec-0123').verify(stdout.trim())).id).toBe('carol');
    });

    it('honours --expires-in', async () => {
      await run('token', '--role', 'auditor', '--org', '*', '--sub', 'carol', '--expires-in', '30m');
      const tokens = new AccessTokenService(readFileSync(secretFile(), 'utf8').trim());
      expect((await tokens.verify(stdout.trim(), new Date(Date.now() + 29 * 60 * 1000))).id).toBe('carol');
      await expect(tokens.verify(stdout.trim(), new Date(Date.now() + 31 * 60 * 1000))).rejects.toThrow(/expired at/);
    });

    it('moves a secret left beside the database into the configuration directory, warning on stderr', async () => {
      const old = 'o'.repeat(48);
      writeFileSync(join(dataDirectory, 'jwt-secret'), `${old}\n`);
      await run('token', '--role', 'auditor', '--org', '*', '--sub', 'carol');
      expect(readFileSync(secretFile(), 'utf8').trim()).toBe(old);
      expect(existsSync(join(dataDirectory, 'jwt-secret'))).toBe(false);
      expect(stderr).toContain('fundledger: warning: moved the signing secret from');
    });
  });

  describe('when the lifetime is longer than the maximum', () => {
    it('refuses 99999999d (the issue found a 273,785-year token) with exit 2', async () => {
      expect(await usageExitOf('token', '--role', 'auditor', '--org', '*', '--expires-in', '99999999d')).toBe(2);
      expect(stderr).toContain('--expires-in: token lifetime 8639999913600 s is longer than the maximum 43200 s');
      expect(stdout).toBe('');
    });

    it('refuses 13h by default and accepts it when FUNDLEDGER_TOKEN_MAX_LIFETIME allows', async () => {
      expect(await usageExitOf('token', '--role', 'auditor', '--org', '*', '--expires-in', '13h')).toBe(2);
      process.env.FUNDLEDGER_TOKEN_MAX_LIFETIME = '24h';
      await run('token', '--role', 'auditor', '--org', '*', '--expires-in', '13h');
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    });
  });

  describe('when the organisation is missing or wrong', () => {
    it('exits 2 when no --org is given', async () => {
      expect(await usageExitOf('token', '--role', 'finance-officer', '--sub', 'alice')).toBe(2);
      expect(stderr).toContain('--org: the token names no organisation (org claim); give --org ID[,ID…]');
    });

    it('refuses * for any role but auditor', async () => {
      expect(await usageExitOf('token', '--role', 'finance-officer', '--org', '*')).toBe(2);
      expect(stderr).toContain("only an auditor's token may name \"*\"");
    });
  });

  describe('when the role is wrong', () => {
    it('exits 2 listing the valid roles, printing no token', async () => {
      expect(await usageExitOf('token', '--role', 'admin')).toBe(2);
      expect(stderr).toContain("unknown role 'admin'; valid roles are finance-officer, s151-officer, returns-officer, auditor, funder-officer");
      expect(stdout).toBe('');
    });

    it('exits 2 when no role is given', async () => {
      expect(await usageExitOf('token', '--sub', 'alice')).toBe(2);
      expect(stderr).toContain('no --role given; valid roles are');
    });
  });

  describe('when the lifetime cannot be read', () => {
    it('exits 2 saying what a lifetime looks like', async () => {
      expect(await usageExitOf('token', '--role', 'auditor', '--org', '*', '--expires-in', 'forever')).toBe(2);
      expect(stderr).toMatch(/--expires-in: token lifetime must be a positive whole number/);
      expect(stdout).toBe('');
    });
  });
});
