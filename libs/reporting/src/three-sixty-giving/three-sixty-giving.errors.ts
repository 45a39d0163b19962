/**
 * Why an export cannot be produced. A stable `code` for scripts and the HTTP layer to switch on:
 * `configuration` problems are the operator's to fix (400/exit 1), `nothing-to-export` is a fact
 * about the ledger.
 */
export type ThreeSixtyGivingErrorCode =
  | 'INVALID_PUBLISHER_PREFIX'
  | 'INVALID_LICENSE_URI'
  | 'NO_GRANTS_TO_EXPORT';

export type ThreeSixtyGivingErrorKind = 'configuration' | 'nothing-to-export';

const KIND_OF: Readonly<Record<ThreeSixtyGivingErrorCode, ThreeSixtyGivingErrorKind>> = {
  INVALID_PUBLISHER_PREFIX: 'configuration',
  INVALID_LICENSE_URI: 'configuration',
  NO_GRANTS_TO_EXPORT: 'nothing-to-export',
};

export class ThreeSixtyGivingExportError extends Error {
  readonly kind: ThreeSixtyGivingErrorKind;

  constructor(
    readonly code: ThreeSixtyGivingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ThreeSixtyGivingExportError';
    this.kind = KIND_OF[code];
  }
}
