import type { IncomingHttpHeaders } from 'node:http';
import type { AuthenticatedActor } from '@fundledger/access';

/** The part of the HTTP request the guard reads, and the actor it leaves for @CurrentActor(). */
export interface AuthenticatedRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** The client's address, as Express reads it. */
  readonly ip?: string;
  actor?: AuthenticatedActor;
}
