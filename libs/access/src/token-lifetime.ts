const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;
const LIFETIME = /^(\d{1,9})([smhd]?)$/;

/** A working day: a token issued in the morning lasts until the evening and no longer. */
export const DEFAULT_TOKEN_LIFETIME = '8h';
/** A working day with overtime; a longer-lived token is a standing credential, which local tokens must not be. */
export const DEFAULT_MAX_TOKEN_LIFETIME = '12h';

export class InvalidTokenLifetime extends Error {
  readonly code = 'TOKEN_LIFETIME_INVALID';

  constructor(readonly given: string) {
    super(`token lifetime must be a positive whole number of s, m, h or d (e.g. 30m, 8h, 2d), got '${given}'`);
    this.name = 'InvalidTokenLifetime';
  }
}

/** `30m`, `8h`, `2d`, or bare seconds, as whole seconds. */
export const parseTokenLifetime = (text: string): number => {
  const match = LIFETIME.exec(text.trim());
  if (match === null) throw new InvalidTokenLifetime(text);
  const unit = (match[2] || 's') as keyof typeof UNIT_SECONDS;
  const seconds = Number(match[1]) * UNIT_SECONDS[unit];
  if (seconds <= 0) throw new InvalidTokenLifetime(text);
  return seconds;
};
