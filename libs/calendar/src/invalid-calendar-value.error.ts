/** A month, date, instant or financial year that is not a real calendar value in the agreed form. */
export class InvalidCalendarValueError extends Error {
  readonly code = 'INVALID_CALENDAR_VALUE';

  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidCalendarValueError';
  }
}

const describeType = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
};

/** Calendar values travel as strings; a Date object or a number would carry a time zone or an epoch guess. */
export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new InvalidCalendarValueError(field, `must be a string, got ${describeType(value)}`);
  }
  return value;
}
