import { InvalidCalendarValueError } from '@fundledger/calendar';
import {
  CommandIdReusedError,
  ConcurrencyConflictError,
  EventStoreUnavailableError,
  WrongExpectedRevisionError,
} from '@fundledger/event-store';
import { AlreadyExists, InvalidCommand, LedgerRuleBroken, NotFound } from '@fundledger/funding';
import { InvalidAmountError } from '@fundledger/money';
import { Controller, Get, INestApplication, Logger, NotFoundException, Param, ServiceUnavailableException } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DomainErrorFilter } from './domain-error.filter';
import { RequestRefused } from './request-refused.error';

const SECRET_DETAIL = 'SQLITE_CORRUPT at /var/lib/fundledger/ledger.sqlite';

const THROWERS: Record<string, () => unknown> = {
  'ledger-rule': () => new LedgerRuleBroken('PAYMENT_EXCEEDS_COMMITMENT', 'paying £100.00 would…', { committed: '1000.00' }),
  'not-found': () => new NotFound('UNKNOWN_GRANT', 'no grant g-1 is committed from award a', { awardId: 'a', grantId: 'g-1' }),
  'already-exists': () => new AlreadyExists('DUPLICATE_GRANT_ID', 'grant g-1 is already committed from award a'),
  'invalid-command': () => new InvalidCommand('CommitGrant', [{ field: 'amount', message: 'amount: required' }]),
  amount: () => new InvalidAmountError('amount', '3 decimal places, at most 2 allowed'),
  month: () => new InvalidCalendarValueError('newEnd', 'month 13 does not exist: months run from 01 to 12'),
  'command-id': () => new CommandIdReusedError('c-1', 'it was first used on award-a with another body'),
  concurrency: () => new ConcurrencyConflictError('award-a', 5),
  revision: () => new WrongExpectedRevisionError('award-a', 3n, 4n),
  'store-down': () => new EventStoreUnavailableError(`event store failed: ${SECRET_DETAIL}`),
  refused: () => new RequestRefused(400, 'COMMAND_ID_REQUIRED', 'commandId or Idempotency-Key is required'),
  'nest-404': () => new NotFoundException('no report of that kind'),
  health: () => new ServiceUnavailableException({ status: 'error', info: {}, error: { store: { status: 'down' } }, details: {} }),
  bug: () => new TypeError(`Cannot read properties of undefined (reading 'grants') ${SECRET_DETAIL}`),
  'not-an-error': () => `a thrown string ${SECRET_DETAIL}`,
};

@Controller('throw')
class ThrowingController {
  @Get(':kind')
  throw(@Param('kind') kind: string): never {
    throw THROWERS[kind]();
  }
}

describe('the domain error filter', () => {
  let app: INestApplication;
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ThrowingController],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  const answer = (kind: string) => request(app.getHttpServer()).get(`/throw/${kind}`);

  describe('when the domain refuses a command', () => {
    it.each([
      ['ledger-rule', 422, 'Unprocessable Entity', 'PAYMENT_EXCEEDS_COMMITMENT', { committed: '1000.00' }],
      ['not-found', 404, 'Not Found', 'UNKNOWN_GRANT', { awardId: 'a', grantId: 'g-1' }],
      ['already-exists', 409, 'Conflict', 'DUPLICATE_GRANT_ID', undefined],
      ['invalid-command', 400, 'Bad Request', 'INVALID_COMMAND', [{ field: 'amount', message: 'amount: required' }]],
    ])('maps a %s error to %i with its code and details', async (kind, statusCode, error, code, details) => {
      const response = await answer(kind).expect(statusCode);
      expect(response.body).toEqual({
        statusCode,
        error,
        code,
        message: (THROWERS[kind]() as Error).message,
        ...(details === undefined ? {} : { details }),
      });
    });
  });

  describe('when a money or calendar value is refused outside a command parser', () => {
    it.each([
      ['amount', 'INVALID_AMOUNT', 'amount: 3 decimal places, at most 2 allowed'],
      ['month', 'INVALID_CALENDAR_VALUE', 'newEnd: month 13 does not exist: months run from 01 to 12'],
    ])('answers %s as 400 %s', async (kind, code, message) => {
      const response = await answer(kind).expect(400);
      expect(response.body).toMatchObject({ code, message, details: [{ field: message.split(':')[0], message }] });
    });
  });

  describe('when the store or the command id conflicts', () => {
    it.each([
      ['command-id', 'COMMAND_ID_REUSED', { commandId: 'c-1' }],
      ['concurrency', 'CONCURRENCY_CONFLICT', { stream: 'award-a', attempts: '5' }],
      ['revision', 'WRONG_EXPECTED_REVISION', { stream: 'award-a', expected: '3', actual: '4' }],
    ])('answers %s as 409 %s', async (kind, code, details) => {
      const response = await answer(kind).expect(409);
      expect(response.body).toMatchObject({ statusCode: 409, error: 'Conflict', code, details });
    });
  });

  describe('when the store is unavailable', () => {
    it('answers 503 without its internal message, and logs it', async () => {
      const response = await answer('store-down').expect(503);
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'EVENT_STORE_UNAVAILABLE',
        message: expect.stringMatching(/^the event store is unavailable; retry later/),
      });
      expect(response.text).not.toContain('SQLITE');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(SECRET_DETAIL), expect.any(String));
    });
  });

  describe('when the transport refuses the request or Nest raises an HTTP error', () => {
    it('keeps the code and message of a RequestRefused', () =>
      answer('refused').expect(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'COMMAND_ID_REQUIRED',
        message: 'commandId or Idempotency-Key is required',
      }));

    it('gives an HttpException a code from its status', () =>
      answer('nest-404').expect(404, { statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'no report of that kind' }));

    it('names an unknown route', () =>
      request(app.getHttpServer())
        .get('/nowhere')
        .expect(404, { statusCode: 404, error: 'Not Found', code: 'ROUTE_NOT_FOUND', message: 'Cannot GET /nowhere' }));

    it("passes the health check's own report through, as probes expect it", () =>
      answer('health').expect(503, { status: 'error', info: {}, error: { store: { status: 'down' } }, details: {} }));
  });

  describe('when anything else goes wrong', () => {
    it.each(['bug', 'not-an-error'])('answers %s with a generic 500 and logs what happened', async (kind) => {
      const response = await answer(kind).expect(500);

      expect(response.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'INTERNAL_ERROR',
        message: expect.stringMatching(/^an unexpected error occurred/),
      });
      expect(response.text).not.toContain('SQLITE');
      expect(response.text).not.toContain('grants');
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(SECRET_DETAIL), ...(kind === 'bug' ? [expect.stringMatching(/TypeError/)] : []));
    });
  });
});
