import type { EventStore } from '../event-store.port';
import { eventLeafHash } from './event-leaf';
import { MerkleFrontier } from './merkle-frontier';
import type { TreeHead } from './tree-head';

interface Reached {
  readonly frontier: MerkleFrontier;
  readonly head: TreeHead;
}

/**
 * The log's Merkle tree computed on the client from the log itself, for a store that cannot keep it in
 * its own transaction (EventStoreDB). It remembers how far it has folded, so asking for the head after
 * each append reads only the events since; a position before that is folded again from the start.
 */
export class ClientSideLogTree {
  private reached: Reached = { frontier: MerkleFrontier.empty(), head: emptyHead() };
  private folding: Promise<unknown> = Promise.resolve();

  constructor(private readonly readAll: EventStore['readAll']) {}

  /** One fold at a time: two appends answered together must not fold the same events twice. */
  headAt(position?: bigint): Promise<TreeHead> {
    const next = this.folding.then(() => this.fold(position));
    this.folding = next.catch(() => undefined);
    return next;
  }

  private async fold(position: bigint | undefined): Promise<TreeHead> {
    const startOver = position !== undefined && position < this.reached.head.lastPosition;
    const from = startOver ? { frontier: MerkleFrontier.empty(), head: emptyHead() } : this.reached;
    const frontier = from.frontier.copy();
    let head = from.head;
    for await (const event of this.readAll({ fromPosition: head.lastPosition + 1n, toPosition: position })) {
      frontier.push(eventLeafHash(event));
      head = { treeSize: BigInt(frontier.treeSize), rootHash: '', lastPosition: event.position, recordedAt: event.recordedAt };
    }
    head = { ...head, rootHash: frontier.root().toString('hex') };
    if (!startOver) this.reached = { frontier, head };
    return head;
  }
}

const emptyHead = (): TreeHead => ({ treeSize: 0n, rootHash: MerkleFrontier.empty().root().toString('hex'), lastPosition: -1n });
