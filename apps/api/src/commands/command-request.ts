import { hashCommandBody, type CommandEnvelope, type JsonObject } from '@fundledger/event-store';
import { parseFundingCommand, type FundingCommand, type FundingCommandType } from '@fundledger/funding';
import { RequestRefused } from '../errors/request-refused.error';

/** Where a command came from: the token's actor and the headers that identify it. */
export interface CommandOrigin {
  readonly actor: { readonly id: string; readonly role: string };
  /** The `Idempotency-Key` header, as sent. */
  readonly idempotencyKey?: string;
  /** The `X-Correlation-Id` header, as sent. */
  readonly correlationHeader?: string;
  /** The id the service gave this request (the `x-request-id` it answers with). */
  readonly requestId: string;
}

/** Command ids and correlation ids are recorded in every event's metadata: plain, short tokens only. */
const TOKEN = /^[A-Za-z0-9][\w.:-]{0,127}$/;
const TOKEN_RULE = '1-128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';

/**
 * The body the domain parses and the hash covers: the DTO's fields plus the ids the path names. A
 * body may repeat a path id (a fixture entry posted as is), never contradict it.
 */
export const withPathIds = (body: JsonObject, pathIds: Readonly<Record<string, string>>): JsonObject => {
  for (const [name, fromPath] of Object.entries(pathIds)) {
    const fromBody = body[name];
    if (fromBody !== undefined && fromBody !== fromPath) {
      throw new RequestRefused(
        400,
        'PATH_ID_MISMATCH',
        `${name} in the body (${JSON.stringify(fromBody)}) contradicts ${name} in the path (${JSON.stringify(fromPath)})`,
        { field: name, path: fromPath, body: String(fromBody) },
      );
    }
  }
  return { ...body, ...pathIds };
};

/**
 * The client chooses the command id, so that it can retry safely: a server-made id would turn a
 * retried request into a second command.
 */
export const commandIdOf = (bodyId: unknown, idempotencyKey: string | undefined): string => {
  if (bodyId === undefined && idempotencyKey === undefined) {
    throw new RequestRefused(400, 'COMMAND_ID_REQUIRED', 'commandId or Idempotency-Key is required');
  }
  if (bodyId !== undefined && idempotencyKey !== undefined && bodyId !== idempotencyKey) {
    throw new RequestRefused(
      400,
      'COMMAND_ID_MISMATCH',
      `commandId in the body (${JSON.stringify(bodyId)}) and the Idempotency-Key header (${JSON.stringify(idempotencyKey)}) differ; send one, or the same value in both`,
    );
  }
  const chosen = bodyId ?? idempotencyKey;
  if (typeof chosen !== 'string' || !TOKEN.test(chosen)) {
    const where = bodyId === undefined ? 'Idempotency-Key' : 'commandId';
    throw new RequestRefused(400, 'INVALID_COMMAND_ID', `${where}: must be ${TOKEN_RULE}`);
  }
  return chosen;
};

const correlationIdOf = (origin: CommandOrigin): string => {
  const offered = origin.correlationHeader;
  if (offered === undefined) return origin.requestId;
  if (!TOKEN.test(offered)) {
    throw new RequestRefused(400, 'INVALID_CORRELATION_ID', `X-Correlation-Id: must be ${TOKEN_RULE}`);
  }
  return offered;
};

export interface CommandRequest {
  readonly command: FundingCommand;
  readonly envelope: CommandEnvelope;
}

/**
 * A validated HTTP command: the domain's parse of the body with its path ids, and the envelope that
 * records who sent it and identifies it for retries. The hash covers the body without the command
 * id, exactly as the CLI hashes a fixture entry, so the same command hashes the same from both.
 */
export const commandRequest = (
  type: FundingCommandType,
  dto: object,
  pathIds: Readonly<Record<string, string>>,
  origin: CommandOrigin,
): CommandRequest => {
  // The DTO instance (nested class instances, validated) back to the plain JSON the client sent.
  const plain: unknown = JSON.parse(JSON.stringify(dto));
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new RequestRefused(400, 'INVALID_REQUEST', 'the request body must be a JSON object');
  }
  const { commandId: bodyId, ...fields } = plain as JsonObject;
  const body = withPathIds(fields, pathIds);
  const commandId = commandIdOf(bodyId, origin.idempotencyKey);
  const correlationId = correlationIdOf(origin);
  const command = parseFundingCommand(type, body);
  return {
    command,
    envelope: {
      commandId,
      commandHash: hashCommandBody(type, body),
      correlationId,
      actor: { id: origin.actor.id, role: origin.actor.role },
    },
  };
};
