import { computeEventHash } from '../chain/event-chain';
import type { RecordedEvent } from '../event-store.port';
import { leafHash, type Hash } from './merkle-tree';

/** Names the leaf encoding, so a future encoding can never be mistaken for this one. */
export const EVENT_LEAF_VERSION = 'fundledger-event-v1';

export type LeafedEvent = Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'position' | 'type' | 'data' | 'metadata'>;

/**
 * The bytes of one event's leaf (docs/audit-trail.md): the JSON array
 * `["fundledger-event-v1", position, stream, revision, id, contentHash]`, every member a string
 * (integers in decimal), written as JSON.stringify writes it. contentHash is the chain formula
 * (computeEventHash) recomputed from the event's type, data and metadata as stored, so the leaf commits
 * to every figure and every metadata field directly, not to the `hash` the event claims for itself.
 * An array of strings is unambiguous where a separator would need escaping rules.
 */
export const eventLeafBytes = (event: LeafedEvent, contentHash: string): string =>
  JSON.stringify([EVENT_LEAF_VERSION, event.position.toString(), event.stream, event.revision.toString(), event.id, contentHash]);

/** The event's leaf hash, computing its content hash when the caller has not already. */
export const eventLeafHash = (
  event: LeafedEvent,
  contentHash: string = computeEventHash(event.type, event.data, event.metadata),
): Hash => leafHash(eventLeafBytes(event, contentHash));
