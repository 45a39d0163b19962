import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, type ConfigurationProblem } from '@fundledger/event-store';
import { describeSigningKeySource, readSigningKeySource, SIGNING_KEY_FILE_NAME } from './signing-key.config';
import { loadSigningKey, publicKeyPem, readPublicKey } from './signing-key.store';

const directory = mkdtempSync(join(tmpdir(), 'fundledger-signing-key-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('the checkpoint signing key', () => {
  it('defaults to the user configuration directory, never the data directory', () => {
    const problems: ConfigurationProblem[] = [];
    const source = readSigningKeySource({ XDG_CONFIG_HOME: join(directory, 'config'), FUNDLEDGER_DB: join(directory, 'data', 'l.sqlite') }, problems);
    expect(source).toEqual({ kind: 'default', path: join(directory, 'config', 'fundledger', SIGNING_KEY_FILE_NAME) });
    expect(describeSigningKeySource(source!)).toContain('set FUNDLEDGER_SIGNING_KEY to a key file kept apart from the database in production');
  });

  it('is refused beside the database', () => {
    const problems: ConfigurationProblem[] = [];
    const db = join(directory, 'data', 'l.sqlite');
    expect(readSigningKeySource({ FUNDLEDGER_SIGNING_KEY: join(directory, 'data', 'key.pem'), FUNDLEDGER_DB: db }, problems)).toBeUndefined();
    expect(problems[0]).toMatchObject({ variable: 'FUNDLEDGER_SIGNING_KEY', problem: expect.stringContaining("in the database's directory") });
  });

  it('is created once, mode 0600, in a 0700 directory, and read back the same', () => {
    const path = join(directory, 'fresh', 'fundledger', SIGNING_KEY_FILE_NAME);
    const created = loadSigningKey({ kind: 'default', path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(directory, 'fresh', 'fundledger')).mode & 0o777).toBe(0o700);
    expect(loadSigningKey({ kind: 'default', path }).keyId).toBe(created.keyId);
    expect(readPublicKey(publicKeyPem(created)).keyId).toBe(created.keyId);
  });

  it('is never created where FUNDLEDGER_SIGNING_KEY points: a typo must not mint a new key', () =>
    expect(() => loadSigningKey({ kind: 'configured', path: join(directory, 'missing.pem') })).toThrow(ConfigurationError));

  it('must be an Ed25519 private key', () => {
    const path = join(directory, 'not-a-key.pem');
    writeFileSync(path, 'hello');
    expect(() => loadSigningKey({ kind: 'configured', path })).toThrow('is not a PEM private key');
  });
});
