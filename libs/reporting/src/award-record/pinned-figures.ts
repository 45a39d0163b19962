import { canonicalSha256, type JsonObject } from '@fundledger/event-store';

/** Figures as a certificate or a return pins them, with the sha256 that makes a later change evident. */
export interface HashedFigures {
  readonly figures: JsonObject;
  /** Hex sha256 over the canonical JSON of `figures` (the canonical form the event chain hashes). */
  readonly figuresHash: string;
}

export const hashFigures = (figures: JsonObject): string => canonicalSha256(figures);

export const pinFigures = (figures: JsonObject): HashedFigures => ({ figures, figuresHash: hashFigures(figures) });
