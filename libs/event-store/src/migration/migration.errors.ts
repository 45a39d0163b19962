export type MigrationProblem =
  | 'SOURCE_MISSING'
  | 'TARGET_DIVERGES'
  | 'TARGET_RESTAMPS'
  | 'COPY_MISMATCH'
  | 'CHAIN_BROKEN';

/** A migration that cannot start or did not produce a faithful copy; the target is never changed after one. */
export class MigrationError extends Error {
  constructor(
    readonly code: MigrationProblem,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'MigrationError';
  }
}
