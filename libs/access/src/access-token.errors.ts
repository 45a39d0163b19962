export type AccessTokenRejectionCode =
  | 'TOKEN_MISSING'
  | 'TOKEN_MALFORMED'
  | 'TOKEN_ALGORITHM_INVALID'
  | 'TOKEN_SIGNATURE_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_ISSUER_INVALID'
  | 'TOKEN_CLAIMS_INVALID';

/** Why a bearer token does not authenticate anyone; the message is fit to return to the caller. */
export class AccessTokenRejected extends Error {
  constructor(
    readonly code: AccessTokenRejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccessTokenRejected';
  }
}
