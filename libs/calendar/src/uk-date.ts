import type { IsoDate } from './date';

const UK_CALENDAR = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The UK calendar date at an instant. Instants are recorded in UTC, but the UK day (and so the end of
 * a financial quarter) turns at midnight in London: 00:30 BST is already the next day. Assembled from
 * parts because locales' separators change between ICU releases.
 */
export function ukDateOf(instant: Date | string): IsoDate {
  const parts = UK_CALENDAR.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
