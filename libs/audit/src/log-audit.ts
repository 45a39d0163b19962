import {
  computeEventHash,
  consistencyProof,
  eventLeafHash,
  GENESIS_HASH,
  MerkleFrontier,
  verifyConsistency,
  type Hash,
  type RecordedEvent,
  type TreeHead,
} from '@fundledger/event-store';

/** What a log is checked against: a tree head someone kept (a checkpoint's signed fields). */
export interface TreeAnchor {
  readonly treeSize: bigint;
  readonly rootHash: string;
  readonly lastPosition: bigint;
}

export type FindingCode =
  | 'CHECKPOINT_KEY_UNKNOWN'
  | 'CHECKPOINT_NOT_KEPT'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'STORED_TREE_MISMATCH'
  | 'PREV_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'REVISION_OUT_OF_SEQUENCE'
  | 'LOG_SHORTER_THAN_CHECKPOINT'
  | 'EVENTS_MISSING_BEFORE_CHECKPOINT'
  | 'EVENTS_ADDED_BEFORE_CHECKPOINT'
  | 'ROOT_MISMATCH';

/** One way the log is not what it should be, placed as precisely as the evidence allows. */
export interface Finding {
  readonly code: FindingCode;
  /** The log position where it shows first, when one can be named. */
  readonly position?: bigint;
  readonly stream?: string;
  readonly revision?: bigint;
  readonly message: string;
}

export interface AnchorCheck {
  readonly anchor: TreeAnchor;
  /** RFC 9162 §2.1.4 proof from the anchor's tree to the current one, hex; empty when none applies. */
  readonly proof: readonly string[];
  readonly consistent: boolean;
  readonly finding?: Finding;
}

export interface LogAudit {
  readonly events: number;
  readonly streams: number;
  /** The tree head recomputed from the events read, never taken from the store. */
  readonly head: TreeHead;
  /** Chain and revision problems, the first of each stream, in log order. */
  readonly findings: readonly Finding[];
  readonly anchorCheck?: AnchorCheck;
}

interface StreamWalk {
  hash: string;
  nextRevision: bigint;
  broken: boolean;
}

/**
 * One pass over the log in position order: each stream's hash chain and revision sequence (DESIGN §3),
 * every event's Merkle leaf (RFC 9162), the root of the whole log and, given an anchor, whether the
 * log's first `treeSize` events are still exactly the ones it was taken over. The content hash is
 * computed once per event and serves both the chain and the leaf.
 */
export async function auditLog(events: AsyncIterable<RecordedEvent>, anchor?: TreeAnchor): Promise<LogAudit> {
  const streams = new Map<string, StreamWalk>();
  const findings: Finding[] = [];
  const leaves: Hash[] = [];
  const frontier = MerkleFrontier.empty();
  let inAnchor = 0;
  let last: RecordedEvent | undefined;
  for await (const event of events) {
    const contentHash = computeEventHash(event.type, event.data, event.metadata);
    const walk = streams.get(event.stream) ?? { hash: GENESIS_HASH, nextRevision: 0n, broken: false };
    if (!walk.broken) {
      const finding = checkLink(event, walk, contentHash);
      if (finding === undefined) {
        walk.hash = contentHash;
        walk.nextRevision = event.revision + 1n;
      } else {
        walk.broken = true;
        findings.push(finding);
      }
    }
    streams.set(event.stream, walk);
    const leaf = eventLeafHash(event, contentHash);
    if (anchor !== undefined) leaves.push(leaf);
    frontier.push(leaf);
    if (anchor !== undefined && event.position <= anchor.lastPosition) inAnchor += 1;
    last = event;
  }
  const head: TreeHead = {
    treeSize: BigInt(frontier.treeSize),
    rootHash: frontier.root().toString('hex'),
    lastPosition: last?.position ?? -1n,
    ...(last === undefined ? {} : { recordedAt: last.recordedAt }),
  };
  return {
    events: frontier.treeSize,
    streams: streams.size,
    head,
    findings,
    ...(anchor === undefined ? {} : { anchorCheck: checkAnchor(anchor, leaves, inAnchor, head, findings) }),
  };
}

const checkLink = (event: RecordedEvent, walk: StreamWalk, contentHash: string): Finding | undefined => {
  const at = { position: event.position, stream: event.stream, revision: event.revision };
  if (event.revision !== walk.nextRevision) {
    return {
      code: 'REVISION_OUT_OF_SEQUENCE',
      ...at,
      message: `${event.stream} jumps to revision ${event.revision} at position ${event.position}, expected revision ${walk.nextRevision}: events are missing or moved`,
    };
  }
  if (event.metadata.prevHash !== walk.hash) {
    return {
      code: 'PREV_HASH_MISMATCH',
      ...at,
      message: `${event.stream} at revision ${event.revision} (position ${event.position}) follows ${shown(event.metadata.prevHash)}, but the event before it hashes to ${walk.hash}`,
    };
  }
  if (event.metadata.hash !== contentHash) {
    return {
      code: 'HASH_MISMATCH',
      ...at,
      message: `${event.stream} at revision ${event.revision} (position ${event.position}) claims hash ${shown(event.metadata.hash)}, but its content hashes to ${contentHash}: it was changed after it was recorded`,
    };
  }
  return undefined;
};

const checkAnchor = (
  anchor: TreeAnchor,
  leaves: readonly Hash[],
  inAnchor: number,
  head: TreeHead,
  findings: readonly Finding[],
): AnchorCheck => {
  const m = Number(anchor.treeSize);
  const fail = (finding: Finding): AnchorCheck => ({ anchor, proof: [], consistent: false, finding });
  if (leaves.length < m) {
    return fail({
      code: 'LOG_SHORTER_THAN_CHECKPOINT',
      message: `the checkpoint covers ${m} events up to position ${anchor.lastPosition}; the log now holds only ${leaves.length}: events were removed`,
    });
  }
  if (inAnchor !== m) {
    return fail({
      code: inAnchor < m ? 'EVENTS_MISSING_BEFORE_CHECKPOINT' : 'EVENTS_ADDED_BEFORE_CHECKPOINT',
      position: anchor.lastPosition,
      message:
        `the checkpoint counts ${m} events up to position ${anchor.lastPosition}; the log now holds ${inAnchor} there: ` +
        `${Math.abs(m - inAnchor)} event(s) ${inAnchor < m ? 'removed' : 'inserted'}`,
    });
  }
  const proof = consistencyProof(leaves, m);
  const consistent = verifyConsistency(m, leaves.length, Buffer.from(anchor.rootHash, 'hex'), Buffer.from(head.rootHash, 'hex'), proof);
  const hex = proof.map((hash) => hash.toString('hex'));
  if (consistent) return { anchor, proof: hex, consistent };
  // The root alone cannot say which event changed; a chain break inside the checkpoint's events can.
  const firstBreak = findings.find((finding) => finding.position !== undefined && finding.position <= anchor.lastPosition);
  return {
    anchor,
    proof: hex,
    consistent,
    finding: {
      code: 'ROOT_MISMATCH',
      ...(firstBreak?.position === undefined ? {} : { position: firstBreak.position }),
      message:
        `the log's first ${m} events (to position ${anchor.lastPosition}) no longer hash to the checkpoint's root ${anchor.rootHash}: ` +
        (firstBreak === undefined
          ? 'an event in them was changed, its chain recomputed to hide it'
          : `the first change shows at position ${firstBreak.position} (${firstBreak.code})`),
    },
  };
};

const shown = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'nothing'));
