import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigurationError, createPrivateFileOnce } from '@fundledger/event-store';
import { SIGNING_KEY_VARIABLE, type SigningKeySource } from './signing-key.config';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** Hex SHA-256 of the public key's SubjectPublicKeyInfo (DER): names the key in every checkpoint. */
  readonly keyId: string;
}

/** The public half as a SPKI PEM, what `public-key` prints and an auditor keeps. */
export const publicKeyPem = (key: Pick<SigningKey, 'publicKey'>): string => key.publicKey.export({ type: 'spki', format: 'pem' }).toString();

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

/** Reads an Ed25519 public key (SPKI PEM) an auditor kept, for verifying without the private key. */
export const readPublicKey = (pem: string): Pick<SigningKey, 'publicKey' | 'keyId'> => {
  const publicKey = createPublicKey(pem);
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key: ${publicKey.asymmetricKeyType}`);
  return { publicKey, keyId: keyIdOf(publicKey) };
};

const fromPem = (pem: string, path: string): SigningKey => {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new ConfigurationError([{ variable: path, problem: `is not a PEM private key: ${(error as Error).message}` }]);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigurationError([{ variable: path, problem: `holds an ${privateKey.asymmetricKeyType} key; checkpoints are signed with Ed25519` }]);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
};

const readKeyFile = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** The key itself; a default-located key is created on first use, a configured one must exist. */
export const loadSigningKey = (source: SigningKeySource): SigningKey => {
  const existing = readKeyFile(source.path);
  if (existing !== undefined) return fromPem(existing, source.path);
  if (source.kind === 'configured') {
    throw new ConfigurationError([
      { variable: SIGNING_KEY_VARIABLE, problem: `names ${source.path}, which does not exist; a configured key is never created` },
    ]);
  }
  // The configuration directory is the user's alone: made 0700 when it is made here.
  mkdirSync(dirname(source.path), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  createPrivateFileOnce(source.path, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const created = readKeyFile(source.path);
  if (created === undefined) throw new Error(`the signing key file ${source.path} vanished as it was created`);
  return fromPem(created, source.path);
};
