import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
    it('keeps it in jwt-secret in the directory of FUNDLEDGER_DB', () => {
      const source = loadSigningSecretSource({ FUNDLEDGER_DB: join(dataDirectory, 'ledger.sqlite') });
      expect(source).toEqual({ kind: 'file', path: join(dataDirectory, 'jwt-secret') });
    });

    it('falls back to the default store directory', () => {
      expect(loadSigningSecretSource({})).toEqual({ kind: 'file', path: resolve('data', 'jwt-secret') });
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
