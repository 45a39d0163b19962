import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

describe('cli token', () => {
  let dataDirectory: string;
  let stdout: string;
  let stderr: string;
  const savedSecret = process.env[SECRET_VARIABLE];

  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'fundledger-token-'));
    delete process.env[SECRET_VARIABLE];
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
    if (savedSecret === undefined) delete process.env[SECRET_VARIABLE];
    else process.env[SECRET_VARIABLE] = savedSecret;
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
    it('prints only a token the service accepts, signed with the secret in the data directory', async () => {
      await run('token', '--role', 'finance-officer', '--sub', 'alice');
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const secret = readFileSync(join(dataDirectory, 'jwt-secret'), 'utf8').trim();
      expect(new AccessTokenService(secret).verify(stdout.trim())).toEqual({ id: 'alice', role: 'finance-officer' });
      expect(stderr).toBe('');
    });

    it('uses FUNDLEDGER_JWT_SECRET when it is set', async () => {
      process.env[SECRET_VARIABLE] = 'configured-secret-for-the-token-spec-0123';
      await run('token', '--role', 'auditor', '--sub', 'carol');
      expect(new AccessTokenService('configured-secret-for-the-token-spec-0123').verify(stdout.trim()).id).toBe('carol');
    });

    it('honours --expires-in', async () => {
      await run('token', '--role', 'auditor', '--sub', 'carol', '--expires-in', '30m');
      const secret = readFileSync(join(dataDirectory, 'jwt-secret'), 'utf8').trim();
      const tokens = new AccessTokenService(secret);
      expect(tokens.verify(stdout.trim(), new Date(Date.now() + 29 * 60 * 1000)).id).toBe('carol');
      expect(() => tokens.verify(stdout.trim(), new Date(Date.now() + 31 * 60 * 1000))).toThrow(/expired at/);
    });
  });

  describe('when the role is wrong', () => {
    it('exits 2 listing the valid roles, printing no token', async () => {
      expect(await usageExitOf('token', '--role', 'admin')).toBe(2);
      expect(stderr).toContain("unknown role 'admin'; valid roles are finance-officer, s151-officer, returns-officer, auditor");
      expect(stdout).toBe('');
    });

    it('exits 2 when no role is given', async () => {
      expect(await usageExitOf('token', '--sub', 'alice')).toBe(2);
      expect(stderr).toContain('no --role given; valid roles are');
    });
  });

  describe('when the lifetime cannot be read', () => {
    it('exits 2 saying what a lifetime looks like', async () => {
      expect(await usageExitOf('token', '--role', 'auditor', '--expires-in', 'forever')).toBe(2);
      expect(stderr).toMatch(/--expires-in: token lifetime must be a positive whole number/);
      expect(stdout).toBe('');
    });
  });
});
