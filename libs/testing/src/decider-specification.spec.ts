import { deciderSpecification } from './decider-specification';

type CounterEvent = { type: 'Incremented'; by: number };
type CounterCommand = { type: 'Increment'; by: number; limit: number };

class LimitReached extends Error {
  readonly code = 'LIMIT_REACHED';
}

/** A toy decider: increments a counter up to a limit. */
const spec = deciderSpecification<number, CounterCommand, CounterEvent>({
  initialState: 0,
  evolve: (total, event) => total + event.by,
  decide: (total, command) => {
    if (total + command.by > command.limit) throw new LimitReached(`${total} + ${command.by} exceeds ${command.limit}`);
    return [{ type: 'Incremented', by: command.by }];
  },
});

describe('deciderSpecification', () => {
  it('passes when the decision records exactly the expected events', () =>
    spec.given([{ type: 'Incremented', by: 2 }]).when({ type: 'Increment', by: 1, limit: 3 }).then([
      { type: 'Incremented', by: 1 },
    ]));

  it('fails when the events differ', () =>
    expect(() =>
      spec.given([]).when({ type: 'Increment', by: 1, limit: 3 }).then([{ type: 'Incremented', by: 2 }]),
    ).toThrow());

  it('fails when events were expected but the decision threw', () =>
    expect(() => spec.given([]).when({ type: 'Increment', by: 5, limit: 3 }).then([])).toThrow(
      'expected events, but the decision threw Error: 0 + 5 exceeds 3',
    ));

  it('passes when the decision throws the expected code, message and properties', () =>
    spec
      .given([{ type: 'Incremented', by: 3 }])
      .when({ type: 'Increment', by: 1, limit: 3 })
      .thenThrows('LIMIT_REACHED', '3 + 1 exceeds 3', { name: 'Error' }));

  it('fails when the properties differ', () =>
    expect(() =>
      spec.given([]).when({ type: 'Increment', by: 4, limit: 3 }).thenThrows('LIMIT_REACHED', undefined, { code: 'X' }),
    ).toThrow());

  it('matches a message against a pattern', () =>
    spec.given([]).when({ type: 'Increment', by: 4, limit: 3 }).thenThrows('LIMIT_REACHED', /exceeds 3$/));

  it('fails when the code differs', () =>
    expect(() => spec.given([]).when({ type: 'Increment', by: 4, limit: 3 }).thenThrows('OTHER')).toThrow());

  it('fails when the message differs', () =>
    expect(() =>
      spec.given([]).when({ type: 'Increment', by: 4, limit: 3 }).thenThrows('LIMIT_REACHED', '0 + 4 exceeds 4'),
    ).toThrow());

  it('fails when an error was expected but events were recorded', () =>
    expect(() => spec.given([]).when({ type: 'Increment', by: 1, limit: 3 }).thenThrows('LIMIT_REACHED')).toThrow(
      'expected an error with code LIMIT_REACHED, but the decision recorded [{"type":"Incremented","by":1}]',
    ));
});
