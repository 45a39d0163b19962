import {
  InvalidCalendarValueError,
  parseDate,
  parseFinancialYear,
  parseMonth,
  type IsoDate,
  type Month,
} from '@fundledger/calendar';
import { InvalidAmountError, Money } from '@fundledger/money';
import { InvalidCommand, type FieldError } from '../errors/funding.errors';
import type { MonthWindow, Organisation } from '../funding.values';

/**
 * Strict reading of raw command bodies (JSON as in fixtures/ and on the wire) into domain values. Every
 * field problem is collected, so one InvalidCommand names all of them; unknown fields are refused
 * because a misspelt optional field would otherwise be silently ignored.
 */

export class FieldErrors {
  readonly list: FieldError[] = [];

  add(field: string, reason: string): undefined {
    this.list.push({ field, message: `${field}: ${reason}` });
    return undefined;
  }

  /** Runs a parser of @fundledger/money or /calendar, keeping its reason as a field error. */
  attempt<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (error instanceof InvalidAmountError || error instanceof InvalidCalendarValueError) {
        this.list.push({ field: error.field, message: error.message });
        return undefined;
      }
      throw error;
    }
  }
}

/** Reads one value at `field`; answers undefined after recording why it could not. */
export type FieldParser<T> = (value: unknown, field: string, errors: FieldErrors) => T | undefined;

export interface FieldSpec<T, IsOptional extends boolean> {
  readonly parse: FieldParser<T>;
  readonly optional: IsOptional;
}

export const required = <T>(parse: FieldParser<T>): FieldSpec<T, false> => ({ parse, optional: false });
export const optional = <T>(parse: FieldParser<T>): FieldSpec<T, true> => ({ parse, optional: true });

type Shape = Record<string, FieldSpec<any, boolean>>;
type ValueOf<S> = S extends FieldSpec<infer T, boolean> ? T : never;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends FieldSpec<unknown, false> ? K : never }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
export type Parsed<S extends Shape> = { readonly [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  readonly [K in OptionalKeys<S>]?: ValueOf<S[K]>;
};

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const at = (parent: string, name: string): string => (parent === '' ? name : `${parent}.${name}`);

/** An object with exactly the shape's fields: required ones present, optional ones absent or valid, no others. */
export const objectOf =
  <S extends Shape>(shape: S): FieldParser<Parsed<S>> =>
  (value, field, errors) => {
    if (!isPlainObject(value)) return errors.add(field || 'body', `must be an object, got ${typeName(value)}`);
    const before = errors.list.length;
    for (const name of Object.keys(value)) {
      if (!Object.hasOwn(shape, name)) errors.add(at(field, name), 'unknown field');
    }
    const result: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(shape)) {
      const path = at(field, name);
      const raw = Object.hasOwn(value, name) ? value[name] : undefined;
      if (raw === undefined) {
        if (!spec.optional) errors.add(path, 'required');
        continue;
      }
      // Absent and null differ on the wire; an optional field is omitted, never sent as null.
      if (raw === null) {
        errors.add(path, spec.optional ? 'must be omitted rather than null' : 'required, got null');
        continue;
      }
      const parsed = spec.parse(raw, path, errors);
      if (parsed !== undefined) result[name] = parsed;
    }
    return errors.list.length === before ? (result as Parsed<S>) : undefined;
  };

/** Parses a whole command body, throwing one InvalidCommand with every field error found. */
export const parseCommandBody = <Type extends string, S extends Shape>(
  type: Type,
  raw: unknown,
  shape: S,
  check?: (body: Parsed<S>, errors: FieldErrors) => void,
): { readonly type: Type } & Parsed<S> => {
  const errors = new FieldErrors();
  const body = objectOf(shape)(raw, '', errors);
  if (body !== undefined && check) check(body, errors);
  if (body === undefined || errors.list.length > 0) throw new InvalidCommand(type, errors.list);
  return { type, ...body };
};

/** Award, programme, contribution, grant, disbursement and organisation ids: safe in stream names and URLs. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export const id: FieldParser<string> = (value, field, errors) => {
  if (typeof value !== 'string') return errors.add(field, `must be a string, got ${typeName(value)}`);
  if (value === '') return errors.add(field, 'must not be empty');
  if (!ID.test(value)) {
    return errors.add(
      field,
      'must be 1-100 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return value;
};

// Tabs and line breaks are fine in reasons and descriptions; other control characters only hide text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const text =
  (maxLength: number): FieldParser<string> =>
  (value, field, errors) => {
    if (typeof value !== 'string') return errors.add(field, `must be a string, got ${typeName(value)}`);
    if (value.trim() === '') return errors.add(field, 'must not be blank');
    if (value.length > maxLength) return errors.add(field, `at most ${maxLength} characters, got ${value.length}`);
    if (CONTROL.test(value)) return errors.add(field, 'must not contain control characters');
    return value;
  };

export const NAME = text(300);
export const REFERENCE = text(200);
export const PROSE = text(2000);

export const boolean: FieldParser<boolean> = (value, field, errors) =>
  typeof value === 'boolean' ? value : errors.add(field, `must be true or false, got ${typeName(value)}`);

export const money =
  (options: { allowZero?: boolean } = {}): FieldParser<Money> =>
  (value, field, errors) =>
    errors.attempt(() => Money.parseAmount(value, field, options));

export const month: FieldParser<Month> = (value, field, errors) => errors.attempt(() => parseMonth(value, field));

export const date: FieldParser<IsoDate> = (value, field, errors) => errors.attempt(() => parseDate(value, field));

export const financialYear: FieldParser<string> = (value, field, errors) =>
  errors.attempt(() => parseFinancialYear(value, field));

export const organisation: FieldParser<Organisation> = objectOf({ id: required(id), name: required(NAME) });

/** Whether the end precedes the start is a ledger rule (WINDOW_END_BEFORE_START), checked by the decision. */
export const monthWindow: FieldParser<MonthWindow> = objectOf({ start: required(month), end: required(month) });

/** A non-empty list of distinct ids. */
export const idList: FieldParser<string[]> = (value, field, errors) => {
  if (!Array.isArray(value)) return errors.add(field, `must be an array of ids, got ${typeName(value)}`);
  if (value.length === 0) return errors.add(field, 'must name at least one id');
  const before = errors.list.length;
  const ids = value.map((item, index) => id(item, `${field}[${index}]`, errors));
  const seen = new Set<string>();
  ids.forEach((item, index) => {
    if (item === undefined) return;
    if (seen.has(item)) errors.add(`${field}[${index}]`, `${item} is listed twice`);
    seen.add(item);
  });
  return errors.list.length === before ? (ids as string[]) : undefined;
};
