import type { Actor } from '../award-record/award-record';
import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import type { IdentityLine } from './printed-document';
import { longDate } from './printed-dates';

/**
 * The identity block of every document: which award, which document and version, who issued it and when,
 * the sha256 of its figures and the signed ledger checkpoint it was issued on. Every format of a document
 * (PDF, text, CSV, xlsx) prints these lines and no others, so they cannot disagree.
 */
export interface DocumentIdentity {
  readonly award: { readonly awardId: string; readonly funder: string; readonly recipient: string; readonly funderReference: string };
  /** e.g. ['Certificate', '1 of 2'] or ['Quarter', 'Q3 2021-22 (1 October 2021 to 31 December 2021)']. */
  readonly subject: readonly (readonly [label: string, value: string])[];
  readonly issuedOn: string | null;
  readonly issuedBy: Actor | null;
  readonly figuresHash: string;
  readonly figuresHashVerified: boolean;
  /** The stream revision and log position of the event that records the document (or the draft was read at). */
  readonly recorded: { readonly revision: string; readonly position: string; readonly recordedAt: string } | null;
  /**
   * The signed checkpoint of the log kept when the document was recorded (the audit trail): null when
   * none was kept (a document recorded before checkpoints, or a draft's head had none); absent when the
   * caller did not look it up.
   */
  readonly checkpoint?: CheckpointStamp | null;
}

export const actorText = (actor: Actor | null): string => (actor === null ? 'not recorded' : `${actor.id} (${actor.role})`);

export const identityLines = (identity: DocumentIdentity, issuedLabel: string): IdentityLine[] => [
  { label: 'Award', value: identity.award.awardId, code: true },
  { label: 'Funder', value: `${identity.award.funder} (reference ${identity.award.funderReference})` },
  { label: 'Recipient', value: identity.award.recipient },
  ...identity.subject.map(([label, value]) => ({ label, value })),
  { label: `${issuedLabel} on`, value: identity.issuedOn === null ? 'not issued' : longDate(identity.issuedOn) },
  { label: `${issuedLabel} by`, value: actorText(identity.issuedBy) },
  {
    label: 'Figures sha256',
    value: identity.figuresHash + (identity.figuresHashVerified ? '' : ' (DOES NOT MATCH the figures recorded)'),
    code: true,
  },
  {
    label: 'Recorded',
    value:
      identity.recorded === null
        ? 'not recorded: live figures'
        : `stream revision ${identity.recorded.revision}, log position ${identity.recorded.position}, ${identity.recorded.recordedAt}`,
  },
  ...(identity.checkpoint === undefined
    ? []
    : [
        {
          label: 'Ledger checkpoint',
          value:
            identity.checkpoint === null
              ? 'none kept for this document: verify cannot anchor to it'
              : `${identity.checkpoint.treeSize} events, Merkle root (SHA-256) ${identity.checkpoint.rootHash}`,
        },
      ]),
];
