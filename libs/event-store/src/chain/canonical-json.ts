import { createHash } from 'node:crypto';
import type { JsonValue } from '../event-store.port';

/**
 * The canonical JSON that event hashes are computed over. It must never change, or every recorded
 * hash stops verifying, so it is deliberately plain:
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), recursively;
 * - no whitespace; strings escaped exactly as JSON.stringify escapes them;
 * - arrays keep their order; `undefined` members are dropped (as JSON.stringify does);
 * - numbers are written as JSON.stringify writes them (money is never a number, so only counts and
 *   flags reach here).
 * This is the subset of RFC 8785 (JCS) that our payloads use: strings, booleans, null, integers.
 */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`canonical JSON cannot represent ${value}`);
    }
    return JSON.stringify(value);
  }
  if (isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** Hex sha256 over the canonical JSON of a value: how command bodies and pinned figures are fingerprinted. */
export const canonicalSha256 = (value: JsonValue): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

// Array.isArray does not narrow readonly arrays (TypeScript #17002).
const isArray = (value: unknown): value is readonly JsonValue[] => Array.isArray(value);
