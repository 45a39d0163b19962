import type { JsonObject, JsonValue } from '@fundledger/event-store';
import { PersistentMap, type Award, type Programme } from '@fundledger/funding';
import { Money } from '@fundledger/money';
import type { AwardView, ProgrammeView } from './ledger-view';

/**
 * Views as JSON, for the persisted read model. The domain state holds Money and Maps, which plain JSON
 * cannot; they are written as tagged values ({"$money": "15000.00"}, {"$map": [[key, value], …]}) so
 * that the codec follows the domain state's shape as it grows instead of silently dropping a field it
 * was not told about. Maps keep their insertion order. Domain keys never begin with "$".
 *
 * The version is bumped whenever a view's shape changes: a persisted row of another version is
 * refused, and the runtime rebuilds from the log rather than read a view it would misunderstand.
 */
export const LEDGER_VIEW_CODEC_VERSION = 2;

export class LedgerViewCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerViewCodecError';
  }
}

const MONEY = '$money';
const MAP = '$map';

const encode = (value: unknown, path: string): JsonValue => {
  if (value instanceof Money) return { [MONEY]: value.toString() };
  if (value instanceof Map || value instanceof PersistentMap) return { [MAP]: [...value].map(([k, v]) => [encode(k, path), encode(v, `${path}.${k}`)]) };
  if (Array.isArray(value)) return value.map((item, i) => encode(item, `${path}[${i}]`));
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.map(([k, v]) => [k, encode(v, `${path}.${k}`)]));
  }
  throw new LedgerViewCodecError(`cannot encode ${path}: ${typeof value} is not plain data, Money or a Map`);
};

const decode = (value: JsonValue, path: string): unknown => {
  if (Array.isArray(value)) return value.map((item, i) => decode(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return value;
  const object = value as JsonObject;
  if (Object.hasOwn(object, MONEY)) {
    const amount = object[MONEY];
    if (typeof amount !== 'string') throw new LedgerViewCodecError(`${path}: ${MONEY} must be a string`);
    return Money.fromString(amount);
  }
  if (Object.hasOwn(object, MAP)) {
    const entries = object[MAP];
    if (!Array.isArray(entries)) throw new LedgerViewCodecError(`${path}: ${MAP} must be a list of entries`);
    // The domain's own map, so a decoded view folds on at the same cost as one folded from the log.
    return PersistentMap.of(
      entries.map((entry: JsonValue, i) => {
        if (!Array.isArray(entry) || entry.length !== 2) {
          throw new LedgerViewCodecError(`${path}: map entry ${i} must be a [key, value] pair`);
        }
        return [decode(entry[0], path), decode(entry[1], `${path}.${String(entry[0])}`)] as const;
      }),
    );
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, decode(v, `${path}.${k}`)]));
};

const versioned = (json: JsonObject, what: string): JsonObject => {
  if (json.version !== LEDGER_VIEW_CODEC_VERSION) {
    throw new LedgerViewCodecError(
      `${what} was written by codec version ${JSON.stringify(json.version)}; ` +
        `this is version ${LEDGER_VIEW_CODEC_VERSION}`,
    );
  }
  return json;
};

const AWARD_VIEW_PARTS: ReadonlyArray<keyof AwardView> = [
  'award',
  'amountHistory',
  'decisionsAsRecorded',
  'extensions',
  'inferredDates',
  'lastPosition',
  'lastRecordedAt',
  'revision',
];

const field = (json: JsonObject, name: string, what: string): JsonValue => {
  const value = json[name];
  if (value === undefined) throw new LedgerViewCodecError(`${what}: ${name} is missing`);
  return value;
};

export function awardViewToJson(view: AwardView): JsonObject {
  return { version: LEDGER_VIEW_CODEC_VERSION, ...(encode(view, 'awardView') as JsonObject) };
}

export function awardViewFromJson(json: JsonObject): AwardView {
  const what = 'award view';
  const { version: _version, ...rest } = versioned(json, what);
  for (const name of AWARD_VIEW_PARTS) field(rest, name, what);
  return decode(rest, 'awardView') as AwardView & { award: Award };
}

export function programmeViewToJson(view: ProgrammeView): JsonObject {
  return { version: LEDGER_VIEW_CODEC_VERSION, ...(encode(view, 'programmeView') as JsonObject) };
}

export function programmeViewFromJson(json: JsonObject): ProgrammeView {
  const what = 'programme view';
  const { version: _version, ...rest } = versioned(json, what);
  for (const name of ['programme', 'lastPosition']) field(rest, name, what);
  return decode(rest, 'programmeView') as ProgrammeView & { programme: Programme };
}
