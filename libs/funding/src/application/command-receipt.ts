import type { JsonObject } from '@fundledger/event-store';

/**
 * The answer to every funding command, over HTTP and in the CLI. Revisions and positions are bigints in
 * the store and decimal strings here, so the receipt survives JSON unchanged.
 */
export interface CommandReceipt {
  readonly commandId: string;
  /** `award-<awardId>` or `programme-<programmeId>`. */
  readonly stream: string;
  readonly events: ReadonlyArray<{ readonly id: string; readonly type: string; readonly revision: string; readonly data: JsonObject }>;
  /** The stream's revision after the command (for a replay: after the command's own last event). */
  readonly revision: string;
  /** Global position of the last event the command wrote. */
  readonly position: string;
  /** The Merkle tree head of the log up to `position` (RFC 9162; GET /audit/checkpoint signs such heads). */
  readonly checkpoint: { readonly treeSize: string; readonly rootHash: string };
  /** True when answering a retry: the first outcome is returned and nothing new was written. */
  readonly replayed: boolean;
}
