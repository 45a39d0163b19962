/** Injection token for the clock that stamps `recordedAt`; tests bind a fixed one. */
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;
