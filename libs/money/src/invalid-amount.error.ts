/** An amount that breaks the input rules of DESIGN §4; `reason` says exactly which one. */
export class InvalidAmountError extends Error {
  readonly code = 'INVALID_AMOUNT';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidAmountError';
  }
}
