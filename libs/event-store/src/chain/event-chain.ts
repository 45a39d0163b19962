import { hash } from 'node:crypto';
import type { JsonObject } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** The hash the first event of every stream chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** A separator that cannot occur inside canonical JSON or an event type, so fields cannot run together. */
const FIELD_SEPARATOR = '\u0000';

/**
 * DESIGN §3: hash = sha256(prevHash ‖ type ‖ canonical JSON of data ‖ canonical JSON of the metadata
 * other than hash). `prevHash` sits inside the metadata too, so neither a figure, nor who recorded it,
 * nor the event's place in the stream can change without breaking every later hash.
 */
export function computeEventHash(type: string, data: JsonObject, metadata: JsonObject): string {
  const { hash: _ignored, ...hashedMetadata } = metadata;
  const prevHash = typeof metadata.prevHash === 'string' ? metadata.prevHash : '';
  // One string, one call: the one-shot hash spares verify a Hash object per event.
  const text =
    prevHash + FIELD_SEPARATOR + type + FIELD_SEPARATOR + canonicalJson(data) + FIELD_SEPARATOR + canonicalJson(hashedMetadata);
  return hash('sha256', text, 'hex');
}

export interface ChainedEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly revision: bigint;
}

export type ChainBreak =
  | { readonly revision: bigint; readonly problem: 'PREV_HASH_MISMATCH'; readonly expected: string; readonly found: unknown }
  | { readonly revision: bigint; readonly problem: 'HASH_MISMATCH'; readonly expected: string; readonly found: unknown };

/**
 * Checks one link: the event follows the hash `expectedPrev` and its own hash is what its content gives.
 * Returns the event's hash (the next link's `expectedPrev`) or where the chain breaks.
 */
export function checkChainLink(event: ChainedEvent, expectedPrev: string): { hash: string } | ChainBreak {
  if (event.metadata.prevHash !== expectedPrev) {
    return { revision: event.revision, problem: 'PREV_HASH_MISMATCH', expected: expectedPrev, found: event.metadata.prevHash };
  }
  const recomputed = computeEventHash(event.type, event.data, event.metadata);
  if (event.metadata.hash !== recomputed) {
    return { revision: event.revision, problem: 'HASH_MISMATCH', expected: recomputed, found: event.metadata.hash };
  }
  return { hash: recomputed };
}

/** Walks a stream in order and reports the first place where the chain does not hold, or null. */
export function findChainBreak(events: Iterable<ChainedEvent>): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  for (const event of events) {
    const link = checkChainLink(event, expectedPrev);
    if (!('hash' in link)) return link;
    expectedPrev = link.hash;
  }
  return null;
}
