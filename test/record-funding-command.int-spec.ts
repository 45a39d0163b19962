import {
  CommandIdReusedError,
  EVENT_SCHEMA_VERSION,
  findChainBreak,
  hashCommandBody,
  SqliteEventStore,
  type CommandEnvelope,
  type EventStore,
  type JsonObject,
  type RecordedEvent,
} from '@fundledger/event-store';
import { CommandBus } from '@nestjs/cqrs';
import {
  type Clock,
  type CommandReceipt,
  RecordFundingCommand,
  RecordFundingCommandHandler,
} from '@fundledger/funding/application';
import { parseFundingCommand } from '@fundledger/funding';
import { reportingFigures } from '@fundledger/reporting';
import { openFundingApplication } from './funding-application';
import { RacingStore } from './racing-store';

const NOW = new Date('2021-12-01T09:30:00.000Z');
const fixedClock: Clock = () => NOW;
const actor = { id: 'alice', role: 'finance-officer' };

type Script = { readonly commandId: string; readonly type: string } & JsonObject;

const envelopeOf = ({ commandId, type, ...body }: Script): CommandEnvelope => ({
  commandId,
  commandHash: hashCommandBody(type, body),
  actor,
  correlationId: 'import:spec.json',
});

const recordOf = (script: Script): RecordFundingCommand => {
  const { commandId: _id, type, ...body } = script;
  return new RecordFundingCommand(parseFundingCommand(type, body), envelopeOf(script));
};

// ---- commands, as they stand in a fixture script ----
const AWARD_ID = 'dapi21-cleveland';
const organisation = (id: string) => ({ id, name: id });

const openProgramme = (commandId = 'c-open'): Script => ({
  commandId,
  type: 'OpenProgramme',
  programmeId: 'dapi-2021',
  name: 'Domestic Abuse Perpetrator Interventions Fund 2021/22',
  funder: organisation('home-office'),
  envelope: '11300000.00',
  financialYear: '2021-22',
  openedOn: '2021-07-01',
});
const makeAward = (amount: string, fields: JsonObject = {}, commandId = 'c-award'): Script => ({
  commandId,
  type: 'MakeAward',
  awardId: AWARD_ID,
  programmeId: 'dapi-2021',
  funder: organisation('home-office'),
  recipient: organisation('opcc-cleveland'),
  amount,
  awardedOn: '2021-07-01',
  window: { start: '2021-10', end: '2022-05' },
  decisionRef: 'HO-DAPI-2021',
  description: 'Domestic abuse perpetrator interventions',
  ...fields,
});
const commitGrant = (amount: string, commandId = 'c-grant'): Script => ({
  commandId,
  type: 'CommitGrant',
  awardId: AWARD_ID,
  grantId: 'g-harbour',
  grantee: organisation('harbour'),
  amount,
  committedOn: '2021-07-31',
  purpose: 'Team around the Couple delivery',
});
const payDisbursement = (amount: string, commandId: string): Script => ({
  commandId,
  type: 'PayDisbursement',
  awardId: AWARD_ID,
  grantId: 'g-harbour',
  disbursementId: `d-${commandId}`,
  amount,
  paidOn: '2021-11-01',
  reference: `BACS ${commandId}`,
});

const readStream = async (store: EventStore, stream: string): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
};

const refusalOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

describe('recording funding commands through the command bus', () => {
  let store: SqliteEventStore;
  let bus: CommandBus;
  let close: () => Promise<void>;

  beforeEach(async () => {
    store = SqliteEventStore.open({ path: ':memory:' });
    const app = await openFundingApplication(store, fixedClock);
    bus = app.get(CommandBus);
    close = () => app.close();
  });

  afterEach(async () => {
    await close();
    await store.close();
  });

  const given = async (...scripts: Script[]): Promise<CommandReceipt[]> => {
    const receipts: CommandReceipt[] = [];
    for (const script of scripts) receipts.push(await bus.execute(recordOf(script)));
    return receipts;
  };
  const when = (script: Script): Promise<CommandReceipt> => bus.execute(recordOf(script));

  describe('when a programme is opened and an award made under it', () => {
    it('writes each to its own stream with the metadata of DESIGN §3, chained and verifiable', async () => {
      const [opened, made] = await given(openProgramme(), makeAward('200333.33'));

      expect(opened).toMatchObject({ commandId: 'c-open', stream: 'programme-dapi-2021', revision: '0', replayed: false });
      expect(made).toMatchObject({
        commandId: 'c-award',
        stream: `award-${AWARD_ID}`,
        revision: '0',
        replayed: false,
        events: [{ type: 'AwardMade', revision: '0', data: expect.objectContaining({ amount: '200333.33' }) }],
      });
      expect(BigInt(made.position)).toBeGreaterThan(BigInt(opened.position));

      const [event] = await readStream(store, `award-${AWARD_ID}`);
      expect(event.id).toBe(made.events[0].id);
      expect(event.metadata).toEqual({
        commandId: 'c-award',
        commandHash: envelopeOf(makeAward('200333.33')).commandHash,
        correlationId: 'import:spec.json',
        causationId: 'c-award',
        actor,
        recordedAt: NOW.toISOString(),
        schemaVersion: EVENT_SCHEMA_VERSION,
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('chains later events of the stream to the earlier ones', async () => {
      await given(openProgramme(), makeAward('100.00'), commitGrant('60.00'), payDisbursement('10.00', 'c-pay-1'));

      const events = await readStream(store, `award-${AWARD_ID}`);
      expect(events.map((e) => e.type)).toEqual(['AwardMade', 'GrantCommitted', 'DisbursementPaid']);
      expect(events[1].metadata.prevHash).toBe(events[0].metadata.hash);
      expect(findChainBreak(events)).toBeNull();
    });
  });

  describe('when a command breaks a ledger rule', () => {
    it('is refused with the rule and its figures, and writes nothing', async () => {
      await given(openProgramme(), makeAward('100.00'));
      const head = await store.headPosition();

      const error = await refusalOf(when(commitGrant('100.01')));

      expect(error).toMatchObject({
        code: 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
        kind: 'ledger-rule',
        details: { committedAfter: '100.01', available: '100.00' },
      });
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('when an award names a programme that was never opened', () => {
    it('is refused as PROGRAMME_NOT_FOUND and writes nothing', async () => {
      const error = await refusalOf(when(makeAward('100.00', { programmeId: 'no-such-programme' })));

      expect(error).toMatchObject({ code: 'PROGRAMME_NOT_FOUND', kind: 'not-found' });
      expect(await store.headPosition()).toBe(-1n);
    });
  });

  describe('when a command is retried with the same commandId', () => {
    it('answers with the first receipt, marked replayed, and writes nothing', async () => {
      const [, first] = await given(openProgramme(), makeAward('100.00'));
      const head = await store.headPosition();

      const retry = await when(makeAward('100.00'));

      expect(retry).toEqual({ ...first, replayed: true });
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses the id when the body differs, writing nothing', async () => {
      await given(openProgramme(), makeAward('100.00'));
      const head = await store.headPosition();

      const error = await refusalOf(when(makeAward('100.01')));

      expect(error).toBeInstanceOf(CommandIdReusedError);
      expect(error).toMatchObject({ code: 'COMMAND_ID_REUSED', commandId: 'c-award' });
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('when another writer appends to the stream between reading and appending', () => {
    const raceWith = (other: Script): RecordFundingCommandHandler =>
      new RecordFundingCommandHandler(
        new RacingStore(store).arm(() => new RecordFundingCommandHandler(store, fixedClock, reportingFigures).execute(recordOf(other))),
        fixedClock,
        reportingFigures,
      );

    it('decides again on the fresh state, refusing a payment that no longer fits', async () => {
      await given(openProgramme(), makeAward('100.00'), commitGrant('100.00'));

      const error = await refusalOf(raceWith(payDisbursement('50.00', 'c-pay-b')).execute(recordOf(payDisbursement('60.00', 'c-pay-a'))));

      expect(error).toMatchObject({
        code: 'PAYMENT_EXCEEDS_COMMITMENT',
        details: { amount: '60.00', paidAfter: '110.00', committed: '100.00' },
      });
      const payments = (await readStream(store, `award-${AWARD_ID}`)).filter((e) => e.type === 'DisbursementPaid');
      expect(payments.map((e) => e.data.amount)).toEqual(['50.00']);
    });

    it('records a payment that still fits after the other one, chained after it', async () => {
      await given(openProgramme(), makeAward('100.00'), commitGrant('100.00'));

      const receipt = await raceWith(payDisbursement('50.00', 'c-pay-b')).execute(recordOf(payDisbursement('40.00', 'c-pay-a')));

      expect(receipt).toMatchObject({ commandId: 'c-pay-a', revision: '3', replayed: false });
      const events = await readStream(store, `award-${AWARD_ID}`);
      expect(events.map((e) => [e.type, e.data.amount])).toEqual([
        ['AwardMade', '100.00'],
        ['GrantCommitted', '100.00'],
        ['DisbursementPaid', '50.00'],
        ['DisbursementPaid', '40.00'],
      ]);
      expect(findChainBreak(events)).toBeNull();
    });
  });
});
