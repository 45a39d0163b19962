import { InvalidCommand } from '../errors/funding.errors';
import {
  date,
  id,
  idList,
  money,
  monthWindow,
  optional,
  organisation,
  parseCommandBody,
  PROSE,
  required,
} from './command-body.parser';

const parse = (raw: unknown) =>
  parseCommandBody('Example', raw, {
    exampleId: required(id),
    amount: required(money()),
    on: optional(date),
    owner: optional(organisation),
    window: optional(monthWindow),
    note: optional(PROSE),
    ids: optional(idList),
  });

const fieldsOf = (raw: unknown) => {
  try {
    parse(raw);
  } catch (error) {
    if (error instanceof InvalidCommand) return error.fields.map((f) => f.message);
    throw error;
  }
  throw new Error('expected an InvalidCommand');
};

describe('reading a raw command body', () => {
  it('answers domain values with the command type, leaving absent optional fields out', () => {
    const command = parse({ exampleId: 'x-1', amount: '1.50' });
    expect(Object.keys(command)).toEqual(['type', 'exampleId', 'amount']);
    expect(command.type).toBe('Example');
    expect(command.amount.toString()).toBe('1.50');
  });

  it.each([
    [null, 'body: must be an object, got null'],
    [[], 'body: must be an object, got array'],
    ['{}', 'body: must be an object, got string'],
  ])('refuses a body that is not an object: %j', (raw, message) => expect(fieldsOf(raw)).toEqual([message]));

  it('names a missing field, an unknown field and a null', () =>
    expect(fieldsOf({ amount: '1.00', extra: 1, on: null })).toEqual([
      'extra: unknown field',
      'exampleId: required',
      'on: must be omitted rather than null',
    ]));

  it('refuses unknown fields inside nested objects too', () =>
    expect(fieldsOf({ exampleId: 'x', amount: '1.00', owner: { id: 'o', name: 'O', email: 'o@example.org' } })).toEqual([
      'owner.email: unknown field',
    ]));

  it.each([
    ['', 'exampleId: must not be empty'],
    ['has space', expect.stringMatching(/^exampleId: must be 1-100 characters/)],
    ['-leading-dash', expect.stringMatching(/^exampleId: must be 1-100 characters/)],
    ['x'.repeat(101), expect.stringMatching(/^exampleId: must be 1-100 characters/)],
    [42, 'exampleId: must be a string, got number'],
  ])('refuses the id %j', (value, message) => expect(fieldsOf({ exampleId: value, amount: '1.00' })).toEqual([message]));

  it('accepts 360Giving-style org identifiers', () =>
    expect(parse({ exampleId: 'GB-GOR-PC000123', amount: '1.00' }).exampleId).toBe('GB-GOR-PC000123'));

  it.each([
    ['1e3', 'amount: exponent notation not allowed'],
    ['1.001', 'amount: 3 decimal places, at most 2 allowed'],
    ['0.00', 'amount: must be greater than 0'],
  ])('keeps the money library’s reason for the amount %j', (amount, message) =>
    expect(fieldsOf({ exampleId: 'x', amount })).toEqual([message]));

  it('refuses blank, over-long and control-character text', () => {
    expect(fieldsOf({ exampleId: 'x', amount: '1.00', note: ' \n ' })).toEqual(['note: must not be blank']);
    expect(fieldsOf({ exampleId: 'x', amount: '1.00', note: 'a'.repeat(2001) })).toEqual([
      'note: at most 2000 characters, got 2001',
    ]);
    expect(fieldsOf({ exampleId: 'x', amount: '1.00', note: 'a\u0000b' })).toEqual([
      'note: must not contain control characters',
    ]);
  });

  it('keeps line breaks in prose', () =>
    expect(parse({ exampleId: 'x', amount: '1.00', note: 'first line\nsecond line' }).note).toBe('first line\nsecond line'));

  it('collects every error in one InvalidCommand whose message lists them', () =>
    expect(() => parse({ exampleId: 'x', amount: 1, window: { start: '2021-00', end: '2021-02-01' } })).toThrow(
      expect.objectContaining({
        code: 'INVALID_COMMAND',
        kind: 'invalid-command',
        commandType: 'Example',
        message: expect.stringMatching(/^invalid Example: amount: must be a string, got number; window\.start: .+; window\.end: .+$/),
      }),
    ));
});
