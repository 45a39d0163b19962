import { hashCommandBody, SqliteEventStore, type JsonObject, type RecordedEvent } from '@fundledger/event-store';
import { parseFundingCommand } from '@fundledger/funding';
import { RecordFundingCommand } from '@fundledger/funding/application';
import { checkPayments, paymentCommandId, readPaymentsFile, recordPayments, type PaymentsImportDependencies } from '@fundledger/payments-import';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { openFundingApplication } from './funding-application';

/** A finance system's payments file, checked row by row, then recorded; the same file again records nothing. */
const NOW = new Date('2021-12-01T09:30:00.000Z');
const actor = { id: 'fiona', role: 'finance-officer' };
const AWARD_ID = 'dapi21-cleveland';
const STREAM = `award-${AWARD_ID}`;
const organisation = (id: string) => ({ id, name: id });

const FILE = Buffer.from(
  [
    'date,grant,amount,reference',
    '01/11/2021,g-harbour,60.00,INV-1',
    '02/11/2021,g-harbour,50.00,INV-2',
    '03/11/2021,g-harbour,12.345,INV-3',
    '04/11/2021,g-harbour,40.00,INV-4',
    '05/11/2021,g-nobody,1.00,INV-5',
  ].join('\n'),
);

describe('importing a payments file', () => {
  let store: SqliteEventStore;
  let deps: PaymentsImportDependencies;
  let close: () => Promise<void>;

  const record = (type: string, body: JsonObject, commandId: string) =>
    deps.commands.execute(new RecordFundingCommand(parseFundingCommand(type, body), { commandId, commandHash: hashCommandBody(type, body), actor: { id: 'setup', role: 'finance-officer' } }));
  const events = async (): Promise<RecordedEvent[]> => {
    const read: RecordedEvent[] = [];
    for await (const event of store.readStream(STREAM)) read.push(event);
    return read;
  };

  beforeEach(async () => {
    store = SqliteEventStore.open({ path: ':memory:' });
    const app = await openFundingApplication(store, () => NOW);
    deps = { commands: app.get(CommandBus), queries: app.get(QueryBus) };
    close = () => app.close();
    await record('MakeAward', {
      awardId: AWARD_ID,
      funder: organisation('home-office'),
      recipient: organisation('opcc-cleveland'),
      amount: '1000.00',
      awardedOn: '2021-07-01',
      window: { start: '2021-10', end: '2022-05' },
      decisionRef: 'HO-1',
      description: 'Interventions',
    }, 'c-award');
    await record('CommitGrant', { awardId: AWARD_ID, grantId: 'g-harbour', grantee: organisation('harbour'), amount: '100.00', committedOn: '2021-07-31', purpose: 'Delivery' }, 'c-grant');
  });

  afterEach(async () => {
    await close();
    await store.close();
  });

  const file = readPaymentsFile(FILE);
  const check = () => checkPayments(deps.queries, file, AWARD_ID, actor);

  describe('when checked', () => {
    it('says of each row, in order, accepted or the refusal that applies after the rows before it, and writes nothing', async () => {
      const head = await store.headPosition();

      const checked = await check();

      expect(checked.rows.map(({ row, result, refusal }) => [row, result, refusal?.code])).toEqual([
        [2, 'accepted', undefined],
        [3, 'refused', 'PAYMENT_EXCEEDS_COMMITMENT'],
        [4, 'refused', 'INVALID_AMOUNT'],
        [5, 'accepted', undefined],
        [6, 'refused', 'UNKNOWN_GRANT'],
      ]);
      expect(checked.rows[1].refusal).toEqual({
        code: 'PAYMENT_EXCEEDS_COMMITMENT',
        message: 'paying £50.00 to grant g-harbour would take payments to £110.00 against £100.00 committed',
        details: { amount: '50.00', paidAfter: '110.00', committed: '100.00' },
      });
      expect(checked.counts).toEqual({ accepted: 2, 'already-recorded': 0, refused: 3 });
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('when recorded', () => {
    it('records exactly the accepted rows, under command ids of the file and row', async () => {
      const recorded = await recordPayments(deps, file, AWARD_ID, actor, await check());

      expect(recorded.counts).toEqual({ recorded: 2, 'already-recorded': 0, refused: 3 });
      const paid = (await events()).filter((event) => event.type === 'DisbursementPaid');
      expect(paid.map((event) => [event.metadata.commandId, event.data.amount, event.data.paidOn, event.data.reference])).toEqual([
        [paymentCommandId(file.sha256, 2), '60.00', '2021-11-01', 'INV-1'],
        [paymentCommandId(file.sha256, 5), '40.00', '2021-11-04', 'INV-4'],
      ]);
      expect(paid.every((event) => (event.metadata.actor as JsonObject).id === 'fiona')).toBe(true);
    });

    it('records nothing the second time: the ledger answers each row as already recorded', async () => {
      await recordPayments(deps, file, AWARD_ID, actor, await check());
      const head = await store.headPosition();

      const again = await check();
      const recordedAgain = await recordPayments(deps, readPaymentsFile(FILE), AWARD_ID, actor, again);

      expect(again.counts).toEqual({ accepted: 0, 'already-recorded': 2, refused: 3 });
      expect(recordedAgain.counts).toEqual({ recorded: 0, 'already-recorded': 2, refused: 3 });
      expect(await store.headPosition()).toBe(head);
    });

    it('reports a row the ledger refuses by then (a payment recorded since the check) and records the others', async () => {
      const checked = await check();
      await record('PayDisbursement', { awardId: AWARD_ID, grantId: 'g-harbour', disbursementId: 'd-other', amount: '30.00', paidOn: '2021-11-10', reference: 'BY HAND' }, 'c-other');

      const recorded = await recordPayments(deps, file, AWARD_ID, actor, checked);

      expect(recorded.rows.map(({ row, result, refusal }) => [row, result, refusal?.code])).toEqual([
        [2, 'recorded', undefined],
        [3, 'refused', 'PAYMENT_EXCEEDS_COMMITMENT'],
        [4, 'refused', 'INVALID_AMOUNT'],
        [5, 'refused', 'PAYMENT_EXCEEDS_COMMITMENT'],
        [6, 'refused', 'UNKNOWN_GRANT'],
      ]);
    });
  });
});
