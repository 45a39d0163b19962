import type { IncomingMessage } from 'node:http';
import { RequestRefused } from '../errors/request-refused.error';
import { isPagePath } from '../pages/pages.edge';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Commands come as JSON only: a form or text body would be read by another parser with other rules
 * (or none), so every write that is not `application/json` is refused before any parser runs.
 */
export const requireJsonOnWrites = (request: IncomingMessage, _response: unknown, next: (error?: unknown) => void): void => {
  // The pages' forms are parsed by their own edge (pages.edge.ts), as strings into the same command parsers.
  if (!WRITES.has(request.method ?? '') || isPagePath(request.url)) return next();
  const type = request.headers['content-type'] ?? '';
  if (JSON_TYPE.test(type)) return next();
  next(
    new RequestRefused(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `commands must be sent as Content-Type: application/json, got ${type === '' ? 'none' : JSON.stringify(type)}`,
    ),
  );
};
