import { isUtf8 } from 'node:buffer';
import { RequestRefused } from '../errors/request-refused.error';

/** No command nests more than a few levels; 64 leaves room and keeps every walk of a body shallow. */
export const MAX_JSON_DEPTH = 64;

/** Keys that reach prototypes when code merges a body into an object: refused, never silently dropped. */
export const FORBIDDEN_JSON_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf] as const;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]);
const CLOSE = new Set([0x5d, 0x7d]);

/** How deeply arrays and objects nest in raw JSON bytes, counted without parsing (strings skipped). */
export const jsonNestingDepth = (bytes: Uint8Array, stopAbove = Infinity): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (CLOSE.has(byte)) {
      depth -= 1;
    }
  }
  return deepest;
};

/**
 * The raw body's checks, run by the JSON parser before it decodes (its `verify` hook): the decoder
 * would otherwise turn bad bytes into U+FFFD and drop a byte-order mark, recording what was not sent,
 * and a body nested thousands deep would overflow the stack of whatever walks it next.
 */
export const verifyJsonBytes = (_request: unknown, _response: unknown, bytes: Buffer): void => {
  if (BYTE_ORDER_MARK.every((byte, index) => bytes[index] === byte)) {
    throw new RequestRefused(400, 'BYTE_ORDER_MARK', 'request body must not start with a byte-order mark (send plain UTF-8 JSON)');
  }
  if (!isUtf8(bytes)) throw new RequestRefused(400, 'INVALID_UTF8', 'request body is not valid UTF-8');
  if (jsonNestingDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new RequestRefused(400, 'JSON_TOO_DEEP', `request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
  }
};

/** The path of the first forbidden key in a parsed body, e.g. `declaredTotals.__proto__`; depth is already bounded. */
export const forbiddenKeyPath = (value: unknown, path: readonly string[] = []): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (FORBIDDEN_JSON_KEYS.includes(key)) return here.join('.');
    const inner = forbiddenKeyPath((value as Record<string, unknown>)[key], here);
    if (inner !== undefined) return inner;
  }
  return undefined;
};

/** Express middleware after the JSON parser: a body holding a prototype key is refused before validation. */
export const refuseForbiddenKeys = (request: { body?: unknown }, _response: unknown, next: (error?: unknown) => void): void => {
  const path = forbiddenKeyPath(request.body);
  if (path === undefined) return next();
  next(new RequestRefused(400, 'FORBIDDEN_KEY', `request body must not contain the key ${JSON.stringify(path.split('.').pop())} (at ${path})`, { field: path }));
};
