/**
 * What an audit request can be refused for. `invalid`: the checkpoint given is not one (400);
 * `nothing-to-sign`: the log holds no event yet, so there is no tree head to anchor (409).
 */
export type AuditErrorKind = 'invalid' | 'nothing-to-sign';

export class AuditError extends Error {
  constructor(
    readonly kind: AuditErrorKind,
    readonly code: 'CHECKPOINT_INVALID' | 'LOG_EMPTY',
    message: string,
    readonly details?: readonly { readonly field: string; readonly message: string }[],
  ) {
    super(message);
    this.name = 'AuditError';
  }
}
