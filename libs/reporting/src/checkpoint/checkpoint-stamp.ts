import type { AwardRecord } from '../award-record/award-record';
import type { ReturnReading } from '../home-office-return/home-office-return.versions';

/**
 * The part of a signed ledger checkpoint (@fundledger/audit) a printed document shows: enough for anyone
 * holding the document to ask `verify` whether the log still begins with the events it was issued on.
 */
export interface CheckpointStamp {
  readonly treeSize: string;
  readonly rootHash: string;
}

/** The one line every certificate PDF and every return CSV and xlsx prints its checkpoint with. */
export const checkpointStampLine = (stamp: CheckpointStamp): string =>
  `Ledger checkpoint: ${stamp.treeSize} events, Merkle root (SHA-256) ${stamp.rootHash}`;

/**
 * The log position a return answer rests on, whose checkpoint it pins: the submission's own event, or
 * for a draft the award's last event read (the figures are computed from the stream up to there).
 */
export const returnPosition = (record: AwardRecord, reading: ReturnReading, financialYear: string, quarter: number): bigint => {
  const submitted = record.returns.find(
    (r) => r.data.financialYear === financialYear && r.data.quarter === quarter && r.data.version === reading.version,
  );
  return BigInt(submitted?.position ?? record.events[record.events.length - 1]!.position);
};
