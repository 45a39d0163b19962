/** The request body is not JSON. Kept apart from SyntaxError, which Nest would turn into a code-less 400. */
export class MalformedJsonBody extends Error {
  constructor(readonly reason: string) {
    super(`request body is not valid JSON: ${reason}`);
    this.name = 'MalformedJsonBody';
  }
}

interface BodyParserFailure {
  readonly type: string;
  readonly message: string;
}

const isJsonParseFailure = (error: unknown): error is BodyParserFailure =>
  error instanceof Error && (error as Partial<BodyParserFailure>).type === 'entity.parse.failed';

/**
 * Express error middleware, installed right after the JSON body parser: a body that does not parse
 * becomes a MalformedJsonBody for the exception filter; every other error passes on unchanged.
 */
export const translateJsonParseFailure = (
  error: unknown,
  _request: unknown,
  _response: unknown,
  next: (error?: unknown) => void,
): void => next(isJsonParseFailure(error) ? new MalformedJsonBody(error.message) : error);
