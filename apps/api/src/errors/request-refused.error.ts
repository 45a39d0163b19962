/**
 * A request the transport refuses before any command is parsed (a missing or contradictory command
 * id, a path id the body contradicts): the domain never sees it, so it carries its own status and code.
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 415 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
    this.name = 'RequestRefused';
  }
}
