import { ukDateOf, type IsoDate } from '@fundledger/calendar';

/** An event as the store hands it back: type and data as stored, with the metadata the handler wrote. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: { readonly recordedAt?: unknown };
  /** The store's own recording time; the metadata's `recordedAt` is preferred, as the hash chain covers it. */
  readonly recordedAt?: string;
}

/**
 * The business date an event recorded before events carried one is given: the UK date it was recorded.
 * That is the latest it can have happened; reports that use it say that it was inferred.
 */
export const inferredBusinessDate = (stored: StoredEvent): IsoDate => {
  const recordedAt = typeof stored.metadata?.recordedAt === 'string' ? stored.metadata.recordedAt : stored.recordedAt;
  if (recordedAt === undefined) throw new Error(`${stored.type} has no recording time to infer its business date from`);
  return ukDateOf(recordedAt);
};

/** Data of a stored event with its missing business date filled in, marked as inferred; otherwise as stored. */
export const withBusinessDate = <Data extends object>(stored: StoredEvent, field: string): Data => {
  const data = stored.data as Data & Record<string, unknown>;
  if (typeof data[field] === 'string') return data;
  return { ...data, [field]: inferredBusinessDate(stored), businessDateInferred: true };
};
