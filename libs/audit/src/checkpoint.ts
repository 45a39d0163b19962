import { sign, verify } from 'node:crypto';
import { canonicalJson, type TreeHead } from '@fundledger/event-store';
import { AuditError } from './audit.errors';
import type { SigningKey } from './signing-key.store';

export const CHECKPOINT_FORMAT = 'fundledger-checkpoint-v1';

/**
 * A signed tree head: the log's first `treeSize` events, up to `lastPosition` (recorded by
 * `recordedAt`), have the Merkle root `rootHash`. Integers travel as decimal strings, as everywhere in
 * the API. Whoever keeps one can later prove the log was not rewritten behind it.
 */
export interface Checkpoint {
  readonly treeSize: string;
  readonly rootHash: string;
  readonly lastPosition: string;
  readonly recordedAt: string;
  readonly keyId: string;
  /** Base64 Ed25519 signature over `checkpointMessage`. */
  readonly signature: string;
}

/**
 * The exact bytes signed (docs/audit-trail.md): the canonical JSON of the checkpoint's other fields plus
 * `format`, in UTF-8. Canonical JSON, so any tool reproduces them from the checkpoint file alone.
 */
export const checkpointMessage = (fields: Omit<Checkpoint, 'signature'>): Buffer =>
  Buffer.from(
    canonicalJson({
      format: CHECKPOINT_FORMAT,
      treeSize: fields.treeSize,
      rootHash: fields.rootHash,
      lastPosition: fields.lastPosition,
      recordedAt: fields.recordedAt,
      keyId: fields.keyId,
    }),
    'utf8',
  );

/**
 * Ed25519 signatures are deterministic, so signing the same tree head again gives the same checkpoint,
 * byte for byte: a past checkpoint can be made on demand from the tree head at its position.
 */
export const signTreeHead = (head: TreeHead, key: Pick<SigningKey, 'privateKey' | 'keyId'>): Checkpoint => {
  if (head.treeSize === 0n || head.recordedAt === undefined) {
    throw new AuditError('nothing-to-sign', 'LOG_EMPTY', 'the log holds no event yet: there is no tree head to sign');
  }
  const fields = {
    treeSize: head.treeSize.toString(),
    rootHash: head.rootHash,
    lastPosition: head.lastPosition.toString(),
    recordedAt: head.recordedAt,
    keyId: key.keyId,
  };
  return { ...fields, signature: sign(null, checkpointMessage(fields), key.privateKey).toString('base64') };
};

export const signatureHolds = (checkpoint: Checkpoint, key: Pick<SigningKey, 'publicKey'>): boolean => {
  const { signature, ...fields } = checkpoint;
  return verify(null, checkpointMessage(fields), key.publicKey, Buffer.from(signature, 'base64'));
};

const FIELD_RULES: Readonly<Record<keyof Checkpoint, { readonly pattern: RegExp; readonly says: string }>> = {
  treeSize: { pattern: /^[1-9][0-9]{0,17}$/, says: 'a positive whole number, as a decimal string' },
  rootHash: { pattern: /^[0-9a-f]{64}$/, says: '64 lower-case hex digits' },
  lastPosition: { pattern: /^(0|[1-9][0-9]{0,18})$/, says: 'a log position, as a decimal string' },
  recordedAt: { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, says: 'an ISO-8601 instant' },
  keyId: { pattern: /^[0-9a-f]{64}$/, says: '64 lower-case hex digits' },
  signature: { pattern: /^[A-Za-z0-9+/]{86}==$/, says: 'a base64 Ed25519 signature (64 bytes)' },
};

/** A checkpoint from outside (a file, a request body), checked field by field; nothing else is kept. */
export const parseCheckpoint = (value: unknown): Checkpoint => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AuditError('invalid', 'CHECKPOINT_INVALID', 'a checkpoint is a JSON object', [{ field: '', message: 'not a JSON object' }]);
  }
  const record = value as Record<string, unknown>;
  const problems = Object.entries(FIELD_RULES).flatMap(([field, rule]) => {
    const given = record[field];
    return typeof given === 'string' && rule.pattern.test(given) ? [] : [{ field, message: `must be ${rule.says}` }];
  });
  const unknown = Object.keys(record).filter((field) => !(field in FIELD_RULES));
  problems.push(...unknown.map((field) => ({ field, message: 'is not a checkpoint field' })));
  if (problems.length > 0) {
    throw new AuditError(
      'invalid',
      'CHECKPOINT_INVALID',
      `not a checkpoint: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const fields = record as Record<keyof Checkpoint, string>;
  return {
    treeSize: fields.treeSize,
    rootHash: fields.rootHash,
    lastPosition: fields.lastPosition,
    recordedAt: fields.recordedAt,
    keyId: fields.keyId,
    signature: fields.signature,
  };
};
