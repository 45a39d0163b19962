import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '@fundledger/event-store';
import { loadSigningSecretSource } from './signing-secret.config';
import { loadSigningSecret } from './signing-secret.store';

describe('signing secret', () => {
  let dataDirectory: string;
  beforeEach(() => {
    dataDirectory = mkdtempSync(join(tmpdir(), 'fundledger-secret-'));
  });
  afterEach(() => rmSync(dataDirectory, { recursive: true, force: true }));

  describe('when FUNDLEDGER_JWT_SECRET is set', () => {
    it('uses it as given', () => {
      const secret = 'x'.repeat(32);
      expect(loadSigningSecret(loadSigningSecretSource({ FUNDLEDGER_JWT_SECRET: secret }))).toBe(secret);
    });

    it('refuses one shorter than 32 characters, naming the variable and not echoing the value', () => {
      const attempt = () => loadSigningSecretSource({ FUNDLEDGER_JWT_SECRET: 'short-secret' });
      expect(attempt).toThrow(ConfigurationError);
      expect(attempt).toThrow(/FUNDLEDGER_JWT_SECRET must be at least 32 characters, got 12/);
      expect(attempt).not.toThrow(/short-secret/);
    });
  });

  describe('when no secret is configured', () => {
    it('keeps it in the configuration directory, XDG_CONFIG_HOME/fundledger, not beside the database', () => {
      const source = loadSigningSecretSource({ FUNDLEDGER_DB: join(dataDirectory, 'ledger.sqlite'), XDG_CONFIG_HOME: join(dataDirectory, 'config') });
      expect(source).toEqual({
        kind: 'file',
        path: join(dataDirectory, 'config', 'fundledger', 'jwt-secret'),
        legacyPath: join(dataDirectory, 'jwt-secret'),
      });
    });

    it('falls back to ~/.config/fundledger and the default store directory', () => {
      expect(loadSigningSecretSource({ HOME: '/home/officer' })).toEqual({
        kind: 'file',
        path: '/home/officer/.config/fundledger/jwt-secret',
        legacyPath: resolve('data', 'jwt-secret'),
      });
    });

    it('moves a secret found beside the database into the configuration directory, with a warning', () => {
      const legacyPath = join(dataDirectory, 'jwt-secret');
      const path = join(dataDirectory, 'config', 'fundledger', 'jwt-secret');
      const old = 'o'.repeat(40);
      writeFileSync(legacyPath, `${old}\n`, { mode: 0o644 });
      const warnings: string[] = [];
      expect(loadSigningSecret({ kind: 'file', path, legacyPath }, (warning) => warnings.push(warning))).toBe(old);
      expect(existsSync(legacyPath)).toBe(false);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
      expect(warnings).toEqual([`moved the signing secret from ${legacyPath} (beside the database) to ${path}; tokens already issued still work`]);
    });

    it('ignores a secret beside the database when the configuration directory has one, and says to delete it', () => {
      const legacyPath = join(dataDirectory, 'jwt-secret');
      const path = join(dataDirectory, 'config', 'jwt-secret');
      const current = loadSigningSecret({ kind: 'file', path });
      writeFileSync(legacyPath, `${'o'.repeat(40)}\n`);
      const warnings: string[] = [];
      expect(loadSigningSecret({ kind: 'file', path, legacyPath }, (warning) => warnings.push(warning))).toBe(current);
      expect(warnings).toEqual([expect.stringMatching(/^ignoring the signing secret .* delete it/)]);
    });

    it('creates it on first use, private to its owner, from 48 random bytes', () => {
      const path = join(dataDirectory, 'nested', 'jwt-secret');
      const secret = loadSigningSecret({ kind: 'file', path });
      expect(Buffer.from(secret, 'base64')).toHaveLength(48);
      expect(readFileSync(path, 'utf8').trim()).toBe(secret);
      if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    });

    it('reuses it afterwards, so tokens survive a restart', () => {
      const path = join(dataDirectory, 'jwt-secret');
      expect(loadSigningSecret({ kind: 'file', path })).toBe(loadSigningSecret({ kind: 'file', path }));
    });

    it('refuses a secret file too short to be safe, naming the file', () => {
      const path = join(dataDirectory, 'jwt-secret');
      writeFileSync(path, 'tiny\n');
      expect(() => loadSigningSecret({ kind: 'file', path })).toThrow(`${path} must hold a secret of at least 32 characters`);
    });
  });

  describe('when the store is in memory', () => {
    it('signs with one secret for the life of the process', () => {
      const source = loadSigningSecretSource({ FUNDLEDGER_DB: ':memory:' });
      expect(source).toEqual({ kind: 'ephemeral' });
      const secret = loadSigningSecret(source);
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(loadSigningSecret(source)).toBe(secret);
    });
  });
});
