import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import { canonicalJson, type JsonObject, type JsonValue, type RecordedEvent } from '@fundledger/event-store';
import { toAwardEvent } from '@fundledger/funding';
import type { AwardView } from '@fundledger/projections';
import type { AwardRecord, CertificateRecord } from '../award-record/award-record';
import { hashFigures } from '../award-record/pinned-figures';
import { certificateDocument } from './certificate.document';
import { certificationFigures, flattenFigures } from './certification-figures';
import { certificateEffectOf, summariseAwardEvent } from './event-summary';

export interface EventSince {
  readonly revision: string;
  readonly position: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly summary: string;
}

export interface FigureChange {
  readonly figure: string;
  readonly label: string;
  /** null when the figure did not exist then (a grant committed since) or no longer exists. */
  readonly before: JsonValue;
  readonly after: JsonValue;
}

export interface CertificateStatus {
  /** Stale once an event that changes a certified budget figure is recorded after the certificate. */
  readonly status: 'current' | 'stale';
  /** The stream revision the status is judged at. */
  readonly asAtRevision: string;
  /** Whether the pinned figures still hash to the recorded figuresHash. */
  readonly figuresHashVerified: boolean;
  /** The events recorded after the certificate that changed the budget (and so made it stale), oldest first. */
  readonly eventsSince: readonly EventSince[];
  /** Payments, reversals and receipts recorded since certification: money moving within the budget. */
  readonly movementsSince: readonly EventSince[];
  /**
   * Each budget figure whose value differs between the certificate and the ledger now. When the certificate
   * is current this is empty unless the definition of a figure changed in a later release of the service.
   */
  readonly changes: readonly FigureChange[];
  /** Each figure of money spent or received that has moved since certification (paid, received). */
  readonly movements: readonly FigureChange[];
}

/** Figures that payments and receipts move; every other certified figure is the budget itself. */
const MOVEMENT_FIGURE = /^(paid|unpaidCommitments|matchFundingReceived|grants\..+\.paid|contributions\..+\.received)$/;

export const isMovementFigure = (figure: string): boolean => MOVEMENT_FIGURE.test(figure);

/**
 * Whether a certificate still holds: `view` is the award as it stands now (or as at the moment asked
 * about), `since` the award's events recorded after the certificate (any earlier ones are ignored).
 */
export const certificateStatus = (
  view: AwardView,
  certificate: CertificateRecord,
  since: Iterable<RecordedEvent>,
): CertificateStatus => {
  const after = BigInt(certificate.revision);
  const later = [...since].filter((event) => event.revision > after);
  const listed = (effect: 'budget' | 'movement'): EventSince[] =>
    later
      .filter((event) => certificateEffectOf(toAwardEvent(event).type) === effect)
      .map(
        (event): EventSince => ({
          revision: event.revision.toString(),
          position: event.position.toString(),
          type: event.type,
          recordedAt: event.recordedAt,
          summary: summariseAwardEvent(toAwardEvent(event), view.award),
        }),
      );
  const eventsSince = listed('budget');
  const pinned = certificate.data.figures as JsonObject;
  const all = figureChanges(pinned, certificationFigures(view));
  return {
    status: eventsSince.length === 0 ? 'current' : 'stale',
    asAtRevision: view.revision,
    figuresHashVerified: hashFigures(pinned) === certificate.data.figuresHash,
    eventsSince,
    movementsSince: listed('movement'),
    changes: all.filter((change) => !isMovementFigure(change.figure)),
    movements: all.filter((change) => isMovementFigure(change.figure)),
  };
};

/** Figure by figure, in the order of the figures now, then any figure that no longer exists. */
export const figureChanges = (before: JsonObject, after: JsonObject): FigureChange[] => {
  const then = new Map(flattenFigures(before).map((f) => [f.figure, f]));
  const now = new Map(flattenFigures(after).map((f) => [f.figure, f]));
  const names = [...now.keys(), ...[...then.keys()].filter((name) => !now.has(name))];
  return names.flatMap((figure) => {
    const [was, is] = [then.get(figure), now.get(figure)];
    const [beforeValue, afterValue] = [was?.value ?? null, is?.value ?? null];
    if (canonicalJson(beforeValue) === canonicalJson(afterValue)) return [];
    return [{ figure, label: (is ?? was)!.label, before: beforeValue, after: afterValue }];
  });
};

/** A certificate of an award with its status, as answered to GET …/certificates/:index. */
export interface CertificateReading {
  readonly awardId: string;
  readonly certificate: CertificateRecord;
  readonly status: CertificateStatus;
}

/** The n-th certificate (1-based) of the folded award, judged against the award as folded. */
export const readCertificate = (record: AwardRecord, index: number): CertificateReading | undefined => {
  const certificate = record.certificates.find((c) => c.index === index);
  if (certificate === undefined) return undefined;
  return {
    awardId: record.view.award.awardId,
    certificate,
    status: certificateStatus(record.view, certificate, record.events),
  };
};

const BASIS_TEXT = {
  a: 'There are no financial consequences of this decision.',
  b: 'The costs of this decision can be met from existing revenue or capital budgets.',
  c: 'The costs of this decision can be financed from reserves.',
} as const;

export const basisText = (basis: 'a' | 'b' | 'c'): string => BASIS_TEXT[basis];

export const REGULATIONS_TEXT = 'Financial regulations have been complied with.';

/**
 * The wire form of a certificate reading: the recorded certificate and its status, the status line every
 * format opens with, and the document as printed (sections of names and figures) for who renders it.
 */
export const certificateToJson = (reading: CertificateReading, record: AwardRecord, checkpoint?: CheckpointStamp | null): JsonObject => {
  const { certificate, status } = reading;
  const { data } = certificate;
  const document = certificateDocument(reading, record, checkpoint);
  return {
    statusText: document.banner.text,
    awardId: reading.awardId,
    index: certificate.index,
    revision: certificate.revision,
    position: certificate.position,
    recordedAt: certificate.recordedAt,
    decisionRef: data.decisionRef,
    basis: data.basis,
    basisText: basisText(data.basis),
    regulationsComplied: data.regulationsComplied,
    officer: data.officer,
    issuedBy: certificate.issuedBy === null ? null : { ...certificate.issuedBy },
    acknowledged: [...(data.acknowledged ?? [])],
    ...(checkpoint === undefined ? {} : { checkpoint: checkpoint === null ? null : { ...checkpoint } }),
    certifiedOn: data.certifiedOn,
    atRevision: data.atRevision,
    figures: data.figures as JsonObject,
    figuresHash: data.figuresHash,
    status: status.status,
    asAtRevision: status.asAtRevision,
    figuresHashVerified: status.figuresHashVerified,
    eventsSince: status.eventsSince.map((e) => ({ ...e })),
    changes: status.changes.map((c) => ({ ...c })),
    movementsSince: status.movementsSince.map((e) => ({ ...e })),
    movements: status.movements.map((c) => ({ ...c })),
    document: JSON.parse(JSON.stringify(document)) as JsonObject,
  };
};
