/**
 * Command types of DESIGN §3 that fixtures may contain but this version cannot record yet: certificates
 * and returns arrive together (issue 5). Callers report them as not supported rather than as invalid.
 */
export const UNSUPPORTED_COMMAND_TYPES = ['CertifyBudget', 'SubmitReturn'] as const;

export type UnsupportedCommandType = (typeof UNSUPPORTED_COMMAND_TYPES)[number];

export const isUnsupportedCommandType = (type: unknown): type is UnsupportedCommandType =>
  (UNSUPPORTED_COMMAND_TYPES as readonly unknown[]).includes(type);

/** The one wording for every transport, so HTTP and the CLI say the same thing. */
export const unsupportedCommandMessage = (type: UnsupportedCommandType): string =>
  `${type} is not supported yet (arrives with certification and returns)`;
