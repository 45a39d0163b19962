import { hashCommandBody } from '@fundledger/event-store';
import { InvalidCommand } from '@fundledger/funding';
import { RequestRefused } from '../errors/request-refused.error';
import { commandIdOf, commandRequest, withPathIds, type CommandOrigin } from './command-request';

const origin = (fields: Partial<CommandOrigin> = {}): CommandOrigin => ({
  actor: { id: 'alice', role: 'finance-officer' },
  requestId: 'req-1',
  ...fields,
});

/** fixtures/cleveland-2021.json, cle21-010, as the CLI import reads it. */
const fixtureEntry = {
  commandId: 'cle21-010',
  type: 'CommitGrant',
  awardId: 'dapi21-cleveland',
  grantId: 'g-barefoot',
  grantee: { id: 'barefoot-research', name: 'Barefoot Social Research' },
  amount: '7000.00',
  purpose: 'Independent evaluation',
  committedOn: '2021-07-31',
};

/** The same command as an HTTP body: the award comes from the path. */
const httpBody = () => {
  const { type: _type, awardId: _awardId, ...body } = fixtureEntry;
  return body;
};

const refusalOf = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('building a command from an HTTP request', () => {
  describe('when the body and the Idempotency-Key name the command', () => {
    it.each([
      ['the body alone', 'cle21-010', undefined],
      ['the header alone', undefined, 'cle21-010'],
      ['both, alike', 'cle21-010', 'cle21-010'],
    ])('takes the id from %s', (_case, bodyId, header) => expect(commandIdOf(bodyId, header)).toBe('cle21-010'));

    it('refuses a request naming none, since only the client can make a retry safe', () =>
      expect(refusalOf(() => commandIdOf(undefined, undefined))).toMatchObject({
        status: 400,
        code: 'COMMAND_ID_REQUIRED',
        message: 'commandId or Idempotency-Key is required',
      }));

    it('refuses two different ids', () =>
      expect(refusalOf(() => commandIdOf('a', 'b'))).toMatchObject({ code: 'COMMAND_ID_MISMATCH' }));

    it.each([['has space'], [''], ['x'.repeat(129)], ['-leading-dash']])('refuses the id %j', (id) =>
      expect(refusalOf(() => commandIdOf(undefined, id))).toMatchObject({ code: 'INVALID_COMMAND_ID' }));
  });

  describe('when the path names ids', () => {
    it('adds them to the body', () =>
      expect(withPathIds({ amount: '1.00' }, { awardId: 'a', grantId: 'g' })).toEqual({ amount: '1.00', awardId: 'a', grantId: 'g' }));

    it('accepts a body that repeats them', () =>
      expect(withPathIds({ awardId: 'a' }, { awardId: 'a' })).toEqual({ awardId: 'a' }));

    it('refuses a body that contradicts them', () => {
      const error = refusalOf(() => withPathIds({ grantId: 'g-2' }, { awardId: 'a', grantId: 'g-1' }));
      expect(error).toBeInstanceOf(RequestRefused);
      expect(error).toMatchObject({ code: 'PATH_ID_MISMATCH', details: { field: 'grantId', path: 'g-1', body: 'g-2' } });
    });
  });

  describe('when the body is a valid command', () => {
    it('hashes it exactly as the CLI hashes the fixture entry, so a re-import over HTTP is a replay', () => {
      const { envelope } = commandRequest('CommitGrant', httpBody(), { awardId: 'dapi21-cleveland' }, origin());
      const { commandId: _id, type, ...entry } = fixtureEntry;

      expect(envelope.commandHash).toBe(hashCommandBody(type, entry));
    });

    it("records the token's actor and the caller's correlation id", () => {
      const { envelope } = commandRequest(
        'CommitGrant',
        httpBody(),
        { awardId: 'dapi21-cleveland' },
        origin({ correlationHeader: 'batch-7' }),
      );
      expect(envelope).toEqual({
        commandId: 'cle21-010',
        commandHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        correlationId: 'batch-7',
        actor: { id: 'alice', role: 'finance-officer' },
      });
    });

    it('correlates with the request id when the caller sends none', () =>
      expect(commandRequest('CommitGrant', httpBody(), { awardId: 'dapi21-cleveland' }, origin()).envelope.correlationId).toBe('req-1'));

    it('refuses a correlation id that cannot be recorded as is', () =>
      expect(
        refusalOf(() => commandRequest('CommitGrant', httpBody(), { awardId: 'a' }, origin({ correlationHeader: 'two words' }))),
      ).toMatchObject({ code: 'INVALID_CORRELATION_ID' }));

    it("hands the domain's parse the body with its path ids", () =>
      expect(commandRequest('CommitGrant', httpBody(), { awardId: 'dapi21-cleveland' }, origin()).command).toMatchObject({
        type: 'CommitGrant',
        awardId: 'dapi21-cleveland',
        grantId: 'g-barefoot',
        committedOn: '2021-07-31',
      }));
  });

  describe('when the domain refuses the body', () => {
    it('lets its InvalidCommand through, naming every field', () => {
      const error = refusalOf(() => commandRequest('CommitGrant', { ...httpBody(), grantId: 'has space' }, { awardId: 'bad id' }, origin()));
      expect(error).toBeInstanceOf(InvalidCommand);
      expect((error as InvalidCommand).fields.map((field) => field.field)).toEqual(['awardId', 'grantId']);
    });
  });
});
