import { generateKeyPairSync, verify } from 'node:crypto';
import { canonicalJson } from '@fundledger/event-store';
import { AuditError } from './audit.errors';
import { checkpointMessage, parseCheckpoint, signatureHolds, signTreeHead } from './checkpoint';
import { keyIdOf } from './signing-key.store';

const aKey = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
};
const head = { treeSize: 37n, rootHash: 'ab'.repeat(32), lastPosition: 41n, recordedAt: '2024-04-01T09:00:00.000Z' };

describe('a signed checkpoint', () => {
  const key = aKey();

  it('carries the tree head, the key id and an Ed25519 signature over the canonical JSON of the rest', () => {
    const checkpoint = signTreeHead(head, key);
    expect(checkpoint).toMatchObject({ treeSize: '37', rootHash: head.rootHash, lastPosition: '41', recordedAt: head.recordedAt, keyId: key.keyId });
    const message = canonicalJson({
      format: 'fundledger-checkpoint-v1',
      keyId: key.keyId,
      lastPosition: '41',
      recordedAt: head.recordedAt,
      rootHash: head.rootHash,
      treeSize: '37',
    });
    expect(checkpointMessage(checkpoint).toString('utf8')).toBe(message);
    expect(verify(null, Buffer.from(message), key.publicKey, Buffer.from(checkpoint.signature, 'base64'))).toBe(true);
  });

  it('is the same, byte for byte, each time the same head is signed', () =>
    expect(signTreeHead(head, key)).toEqual(signTreeHead(head, key)));

  it('stops holding when any field is changed, or under another key', () => {
    const checkpoint = signTreeHead(head, key);
    expect(signatureHolds(checkpoint, key)).toBe(true);
    expect(signatureHolds({ ...checkpoint, treeSize: '36' }, key)).toBe(false);
    expect(signatureHolds({ ...checkpoint, rootHash: 'cd'.repeat(32) }, key)).toBe(false);
    expect(signatureHolds(checkpoint, aKey())).toBe(false);
  });

  it('is refused for an empty log, which has nothing to anchor', () =>
    expect(() => signTreeHead({ treeSize: 0n, rootHash: 'e3'.repeat(32), lastPosition: -1n }, key)).toThrow(
      expect.objectContaining({ code: 'LOG_EMPTY', kind: 'nothing-to-sign' }),
    ));

  describe('read from outside', () => {
    const good = signTreeHead(head, key);

    it('keeps exactly the six fields', () => expect(parseCheckpoint(JSON.parse(JSON.stringify(good)))).toEqual(good));

    it('names every field that is missing, malformed or unknown', () => {
      let error: AuditError | undefined;
      try {
        parseCheckpoint({ ...good, treeSize: 37, rootHash: 'AB', extra: true, signature: undefined });
      } catch (caught) {
        error = caught as AuditError;
      }
      expect(error).toMatchObject({ code: 'CHECKPOINT_INVALID', kind: 'invalid' });
      expect(error?.details?.map((d) => d.field)).toEqual(['treeSize', 'rootHash', 'signature', 'extra']);
    });

    it('refuses what is not an object', () =>
      expect(() => parseCheckpoint(['treeSize'])).toThrow(expect.objectContaining({ code: 'CHECKPOINT_INVALID' })));
  });
});
