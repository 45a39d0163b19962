/**
 * Given/when/then specifications for pure deciders (Emmett's DeciderSpecification, reduced to what the
 * fundledger deciders need): the given events are folded from the initial state, the command is decided,
 * and the outcome is either exactly the expected events or an error with the expected code and message.
 */

export interface Decider<State, Command, Event, Context = undefined> {
  readonly decide: (state: State, command: Command, context: Context) => readonly Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: State;
}

/** An error as the deciders raise them: a stable code and, often, the figures that explain it. */
interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export interface ThenClause<Event> {
  /** The decision records exactly these events, in order. */
  then(expected: readonly Event[]): void;
  /**
   * The decision is refused with this code; a string message must be exact, a RegExp must match, and the
   * error must have the properties of `matching` (e.g. `{ kind: 'ledger-rule', details: {...} }`).
   */
  thenThrows(code: string, message?: string | RegExp, matching?: Record<string, unknown>): void;
}

export interface WhenClause<Command, Event, Context> {
  when(command: Command, context?: Context): ThenClause<Event>;
}

export interface DeciderSpecification<Command, Event, Context> {
  given(events: readonly Event[]): WhenClause<Command, Event, Context>;
}

type Outcome<Event> = { readonly events: readonly Event[] } | { readonly error: unknown };

const describeOutcome = (outcome: Outcome<unknown>): string => {
  if ('events' in outcome) return `recorded ${JSON.stringify(outcome.events)}`;
  const { error } = outcome;
  return `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
};

const isCoded = (error: unknown): error is CodedError =>
  error instanceof Error && typeof (error as Partial<CodedError>).code === 'string';

export const deciderSpecification = <State, Command, Event, Context = undefined>(
  decider: Decider<State, Command, Event, Context>,
): DeciderSpecification<Command, Event, Context> => ({
  given: (given) => ({
    when: (command, context) => {
      const decideOnce = (): Outcome<Event> => {
        // The fold runs outside the try: a given history the evolve refuses is a broken spec, not an outcome.
        const state = given.reduce(decider.evolve, decider.initialState);
        try {
          return { events: decider.decide(state, command, context as Context) };
        } catch (error) {
          return { error };
        }
      };
      return {
        then: (expected) => {
          const outcome = decideOnce();
          if (!('events' in outcome)) throw new Error(`expected events, but the decision ${describeOutcome(outcome)}`);
          expect(outcome.events).toEqual(expected);
        },
        thenThrows: (code, message, matching) => {
          const outcome = decideOnce();
          if ('events' in outcome || !isCoded(outcome.error)) {
            throw new Error(`expected an error with code ${code}, but the decision ${describeOutcome(outcome)}`);
          }
          const error = outcome.error;
          expect(error.code).toBe(code);
          if (typeof message === 'string') expect(error.message).toBe(message);
          if (message instanceof RegExp) expect(error.message).toMatch(message);
          if (matching !== undefined) expect(error).toMatchObject(matching);
        },
      };
    },
  }),
});
