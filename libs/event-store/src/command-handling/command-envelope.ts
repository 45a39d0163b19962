import type { JsonObject, JsonValue } from '../event-store.port';
import { canonicalSha256 } from '../chain/canonical-json';

export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** What arrives with every command besides its body: who, which request, and its identity for retries. */
export interface CommandEnvelope {
  /** The client's id for this command (body `commandId` or the `Idempotency-Key` header). */
  readonly commandId: string;
  /** sha256 of the canonical command body, so a reused id with a different body can be refused. */
  readonly commandHash: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor: Actor;
}

/** Hashes what the client asked for, minus its own id, so the same request hashes the same way from HTTP and the CLI. */
export function hashCommandBody(type: string, body: JsonObject): string {
  const { commandId: _id, ...rest } = body;
  const hashed: JsonValue = { type, body: rest as JsonObject };
  return canonicalSha256(hashed);
}
