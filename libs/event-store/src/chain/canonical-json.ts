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
  // Plain loops and string concatenation: verify runs this twice per event over the whole log.
  if (isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i];
      text += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
    }
    return `${text}]`;
  }
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const keys = Object.keys(record).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${text}}`;
}

/** Hex sha256 over the canonical JSON of a value: how command bodies and pinned figures are fingerprinted. */
export const canonicalSha256 = (value: JsonValue): string => createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');

// Array.isArray does not narrow readonly arrays (TypeScript #17002).
const isArray = (value: unknown): value is readonly JsonValue[] => Array.isArray(value);
