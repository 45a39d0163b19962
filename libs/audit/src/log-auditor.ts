import type { EventStore } from '@fundledger/event-store';
import { parseCheckpoint, signatureHolds, signTreeHead, type Checkpoint } from './checkpoint';
import { auditLog, type Finding, type LogAudit } from './log-audit';
import type { SigningKey } from './signing-key.store';

/** A finding as JSON: integers as decimal strings. */
export interface FindingJson {
  readonly code: Finding['code'];
  readonly position?: string;
  readonly stream?: string;
  readonly revision?: string;
  readonly message: string;
}

/** What `verify` answers, on the command line and over HTTP alike. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly events: number;
  readonly streams: number;
  /** The tree head recomputed from the events, not the one the store keeps. */
  readonly treeSize: string;
  readonly rootHash: string;
  readonly lastPosition: string;
  readonly checkpoint?: {
    readonly treeSize: string;
    readonly rootHash: string;
    readonly keyId: string;
    readonly signatureValid: boolean;
    readonly consistent: boolean;
    /** RFC 9162 consistency proof from the checkpoint's tree to the current one, hex. */
    readonly proof: readonly string[];
  };
  /** Where the log first stops being what was recorded, when it does. */
  readonly firstDivergence?: FindingJson;
  readonly findings: readonly FindingJson[];
}

/**
 * The events that are documents someone files or relies on (a Section 151 certificate, a Home Office
 * return): each pins the checkpoint of the log up to itself. Named as stored, not imported from the
 * domain, which this library does not depend on.
 */
export const DOCUMENT_EVENT_TYPES: readonly string[] = ['BudgetCertified', 'ReturnSubmitted'];

/** The key a checkpoint is checked with: the service's own, or a public key an auditor kept. */
export type VerifyingKey = Pick<SigningKey, 'publicKey' | 'keyId'>;

/**
 * Signs tree heads, keeps them beside the log, and checks the log against them. Only two heads are ever
 * signed: the log's current one (asked for by someone who will keep it), and the one just after a
 * document (certificate, return) is recorded. A past position is never signed later from the store's
 * tree, which whoever holds the file could have rebuilt; its checkpoint is the one kept then, or none.
 * The signing key is loaded on first use only, so a command that signs nothing never creates one.
 */
export class LogAuditor {
  private loaded: SigningKey | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly loadKey: () => SigningKey,
  ) {}

  key(): SigningKey {
    this.loaded ??= this.loadKey();
    return this.loaded;
  }

  /** The signed checkpoint of the whole log as it stands, kept beside it too. */
  checkpointOfHead(): Promise<Checkpoint> {
    return this.sign(undefined);
  }

  /**
   * Signs and keeps the checkpoint of the log up to a document's own event; call it as soon as the
   * document's command is recorded. Keeping it again later changes nothing: the first one stays.
   */
  async keepCheckpointAt(position: bigint): Promise<Checkpoint> {
    return (await this.keptCheckpointAt(position)) ?? this.sign(position);
  }

  /** After any command: keeps the checkpoint its receipt's position pins, when it recorded a document. */
  async keepCheckpointForDocuments(receipt: { readonly position: string; readonly events: readonly { readonly type: string }[] }): Promise<void> {
    if (receipt.events.some((event) => DOCUMENT_EVENT_TYPES.includes(event.type))) await this.keepCheckpointAt(BigInt(receipt.position));
  }

  /** The checkpoint kept for the log up to exactly `position`, if one was. */
  async keptCheckpointAt(position: bigint): Promise<Checkpoint | undefined> {
    const kept = await this.store.keptCheckpoint(position);
    return kept === undefined ? undefined : parseCheckpoint(kept);
  }

  /** verify against the checkpoint kept at `position`; without one, the missing anchor is the finding. */
  async verifyAgainstKept(position: bigint, what: string): Promise<VerifyReport> {
    const kept = await this.keptCheckpointAt(position);
    if (kept !== undefined) return this.verify(kept);
    return this.verify(undefined, this.key(), {
      code: 'CHECKPOINT_NOT_KEPT',
      position,
      message: `no signed checkpoint is kept for ${what} at position ${position}: it was removed, or never kept`,
    });
  }

  private async sign(position: bigint | undefined): Promise<Checkpoint> {
    const checkpoint = signTreeHead(await this.store.treeHeadAt(position), this.key());
    await this.store.keepCheckpoint(BigInt(checkpoint.lastPosition), { ...checkpoint });
    return checkpoint;
  }

  /**
   * Every chain and revision sequence, the Merkle root recomputed from the events against the one the
   * store keeps, and, given a checkpoint, its signature and that the log still begins with its tree.
   */
  async verify(checkpoint?: Checkpoint, key: VerifyingKey = this.key(), missingAnchor?: Finding): Promise<VerifyReport> {
    const trust: Finding[] = missingAnchor === undefined ? [] : [missingAnchor];
    if (checkpoint !== undefined && checkpoint.keyId !== key.keyId) {
      trust.push({ code: 'CHECKPOINT_KEY_UNKNOWN', message: `the checkpoint was signed by key ${checkpoint.keyId}, not by ${key.keyId}` });
    } else if (checkpoint !== undefined && !signatureHolds(checkpoint, key)) {
      trust.push({ code: 'CHECKPOINT_SIGNATURE_INVALID', message: 'the checkpoint\'s signature does not hold: it was altered or forged' });
    }
    const anchor =
      checkpoint === undefined
        ? undefined
        : { treeSize: BigInt(checkpoint.treeSize), rootHash: checkpoint.rootHash, lastPosition: BigInt(checkpoint.lastPosition) };
    const audit = await auditLog(this.store.readAll(), anchor);
    const stored = audit.events === 0 ? [] : await this.storedTreeFinding(audit);
    const anchored = audit.anchorCheck?.finding === undefined ? [] : [audit.anchorCheck.finding];
    const findings = [...trust, ...anchored, ...audit.findings, ...stored];
    const firstDivergence = trust[0] ?? earliest([...anchored, ...audit.findings]) ?? stored[0];
    return {
      ok: findings.length === 0,
      events: audit.events,
      streams: audit.streams,
      treeSize: audit.head.treeSize.toString(),
      rootHash: audit.head.rootHash,
      lastPosition: audit.head.lastPosition.toString(),
      ...(checkpoint === undefined || audit.anchorCheck === undefined
        ? {}
        : {
            checkpoint: {
              treeSize: checkpoint.treeSize,
              rootHash: checkpoint.rootHash,
              keyId: checkpoint.keyId,
              signatureValid: trust.length === 0,
              consistent: audit.anchorCheck.consistent,
              proof: audit.anchorCheck.proof,
            },
          }),
      ...(firstDivergence === undefined ? {} : { firstDivergence: toJson(firstDivergence) }),
      findings: findings.map(toJson),
    };
  }

  /** The tree the store keeps must be the one its events make; an edit that skipped it shows here. */
  private async storedTreeFinding(audit: LogAudit): Promise<Finding[]> {
    const kept = await this.store.treeHeadAt(audit.head.lastPosition);
    if (kept.rootHash === audit.head.rootHash && kept.treeSize === audit.head.treeSize) return [];
    return [
      {
        code: 'STORED_TREE_MISMATCH',
        message:
          `the store's own Merkle tree says ${kept.treeSize} events with root ${kept.rootHash}; ` +
          `the events read make ${audit.head.treeSize} with root ${audit.head.rootHash}`,
      },
    ];
  }
}

/** The finding placed earliest in the log; one without a place only when none has one. */
const earliest = (findings: readonly Finding[]): Finding | undefined =>
  [...findings].sort((a, b) => (a.position === undefined ? 1 : b.position === undefined ? -1 : a.position < b.position ? -1 : a.position > b.position ? 1 : 0))[0];

const toJson = (finding: Finding): FindingJson => ({
  code: finding.code,
  ...(finding.position === undefined ? {} : { position: finding.position.toString() }),
  ...(finding.stream === undefined ? {} : { stream: finding.stream }),
  ...(finding.revision === undefined ? {} : { revision: finding.revision.toString() }),
  message: finding.message,
});
