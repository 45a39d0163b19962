import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenService } from '@fundledger/access';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@fundledger/event-store';
import { Money } from '@fundledger/money';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../apps/api/src/app.factory';
import { loadApiConfig } from '../apps/api/src/config/api.config';

/**
 * Many requests at once through the HTTP server: the ledger's rules hold when commands race on one
 * award (optimistic concurrency, decided again on fresh state), and commands on different awards do
 * not hold each other up.
 */
const SECRET = 'concurrency-e2e-signing-secret-0123456789ab';

const award = (awardId: string, amount: string) => ({
  commandId: `make-${awardId}`,
  awardId,
  funder: { id: 'home-office', name: 'Home Office' },
  recipient: { id: 'opcc-cleveland', name: 'Police and Crime Commissioner for Cleveland' },
  amount,
  awardedOn: '2021-07-01',
  window: { start: '2021-10', end: '2022-05' },
  decisionRef: 'HO-DAPI-2021',
  description: 'Domestic abuse perpetrator interventions',
});

describe('concurrent commands over HTTP', () => {
  let dir: string;
  let app: INestApplication;
  let store: EventStore;
  const officer = `Bearer ${new AccessTokenService(SECRET).issue({ id: 'alice', role: 'finance-officer', orgs: ['home-office', 'opcc-cleveland'] })}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fundledger-concurrency-'));
    app = await createApp(
      loadApiConfig({ FUNDLEDGER_DB: join(dir, 'ledger.sqlite'), LOG_LEVEL: 'silent', FUNDLEDGER_JWT_SECRET: SECRET }),
    );
    await app.init();
    store = app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: object, key?: string) => {
    const pending = request(app.getHttpServer()).post(path).set('Authorization', officer);
    if (key !== undefined) pending.set('Idempotency-Key', key);
    return pending.send(body);
  };

  const logEvents = async (type: string) => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) if (event.type === type) events.push(event);
    return events;
  };

  describe('given a grant whose commitment of £1,000.00 admits ten payments of £100.00', () => {
    const AWARD = 'race-award';

    beforeAll(async () => {
      await post('/awards', award(AWARD, '5000.00')).expect(201);
      await post(`/awards/${AWARD}/grants`, {
        commandId: 'race-grant',
        grantId: 'g-race',
        grantee: { id: 'harbour', name: 'Harbour' },
        amount: '1000.00',
        committedOn: '2021-07-31',
        purpose: 'Team around the Couple delivery',
      }).expect(201);
    });

    describe('when twenty payments arrive at once', () => {
      let responses: request.Response[];

      beforeAll(async () => {
        responses = await Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            post(
              `/awards/${AWARD}/grants/g-race/disbursements`,
              { disbursementId: `d-${index}`, amount: '100.00', paidOn: '2021-11-01', reference: `BACS ${index}` },
              `race-pay-${index}`,
            ),
          ),
        );
      });

      it('records exactly ten and refuses exactly ten as PAYMENT_EXCEEDS_COMMITMENT', () => {
        const outcomes = responses.map((response) => `${response.status} ${response.body.code ?? 'recorded'}`);
        expect(outcomes.filter((outcome) => outcome === '201 recorded')).toHaveLength(10);
        expect(outcomes.filter((outcome) => outcome === '422 PAYMENT_EXCEEDS_COMMITMENT')).toHaveLength(10);
      });

      it('pays £1,000.00 to the penny, as the events show', async () => {
        const paid = (await logEvents('DisbursementPaid')).filter((event) => event.data.awardId === AWARD);

        expect(paid).toHaveLength(10);
        expect(Money.sum(paid.map((event) => Money.fromString(event.data.amount as string))).toString()).toBe('1000.00');
      });

      it('keeps the award stream gapless and its hash chain intact', async () => {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream(`award-${AWARD}`)) events.push(event);
        expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => BigInt(index)));
        events.slice(1).forEach((event, index) => expect(event.metadata.prevHash).toBe(events[index].metadata.hash));
      });
    });
  });

  /**
   * On SQLite in one process a command reads, decides and appends without yielding long enough for
   * another to slip in. A store whose reads take time, as EventStoreDB's do over the network, would let
   * racers decide on the same revision; handleCommand queues commands per stream so they do not.
   * (Conflicts with other processes, and the retry on fresh state, are specified in handle-command.int-spec.)
   */
  describe('given payments that truly race because reading the stream takes time', () => {
    const AWARD = 'slow-race-award';
    let conflicts = 0;
    let restore: () => void;

    beforeAll(async () => {
      await post('/awards', award(AWARD, '5000.00')).expect(201);
      await post(`/awards/${AWARD}/grants`, {
        commandId: 'slow-race-grant',
        grantId: 'g-race',
        grantee: { id: 'harbour', name: 'Harbour' },
        amount: '1000.00',
        committedOn: '2021-07-31',
        purpose: 'Team around the Couple delivery',
      }).expect(201);

      const { readStream, append } = store;
      const slowStore = store as { -readonly [K in keyof EventStore]: EventStore[K] };
      slowStore.readStream = (stream, options) =>
        (async function* () {
          const events: RecordedEvent[] = [];
          for await (const event of readStream.call(store, stream, options)) events.push(event);
          await new Promise((resolve) => setTimeout(resolve, 15));
          yield* events;
        })();
      slowStore.append = async (stream, events, options) => {
        try {
          return await append.call(store, stream, events, options);
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError) conflicts += 1;
          throw error;
        }
      };
      restore = () => {
        slowStore.readStream = readStream;
        slowStore.append = append;
      };
    });

    afterAll(() => restore());

    const pay = (index: number) =>
      post(
        `/awards/${AWARD}/grants/g-race/disbursements`,
        { disbursementId: `d-${index}`, amount: '100.00', paidOn: '2021-11-01', reference: `BACS ${index}` },
        `slow-race-pay-${index}`,
      );

    it('queues them per award, so ten are paid, ten refused, none conflicts and £1,000.00 is paid in all', async () => {
      const responses = await Promise.all(Array.from({ length: 20 }, (_, index) => pay(index)));

      // Commands on one stream run one at a time within the process: no optimistic conflict is wasted.
      expect(conflicts).toBe(0);
      const outcomes = responses.map((response) => `${response.status} ${response.body.code ?? 'recorded'}`);
      expect(outcomes.filter((outcome) => outcome === '201 recorded')).toHaveLength(10);
      expect(outcomes.filter((outcome) => outcome === '422 PAYMENT_EXCEEDS_COMMITMENT')).toHaveLength(10);
      const paid = (await logEvents('DisbursementPaid')).filter((event) => event.data.awardId === AWARD);
      expect(Money.sum(paid.map((event) => Money.fromString(event.data.amount as string))).toString()).toBe('1000.00');
    });
  });

  describe('when fifty awards are made at once', () => {
    it('records every one', async () => {
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => post('/awards', award(`burst-${index}`, '1000.00'))),
      );

      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const made = (await logEvents('AwardMade')).filter((event) => String(event.data.awardId).startsWith('burst-'));
      expect(new Set(made.map((event) => event.data.awardId)).size).toBe(50);
    });
  });
});
