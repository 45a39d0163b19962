import type { IsoDate } from '@fundledger/calendar';

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The date in the UK at an instant. Quarters of the UK financial year end at midnight in London, so
 * between midnight and 1 a.m. in summer the UTC date would still be the quarter's last day.
 */
export const ukDateOf = (instant: Date): IsoDate => LONDON.format(instant);
