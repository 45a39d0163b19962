import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashCommandBody, SqliteEventStore, type CommandEnvelope, type JsonObject } from '@fundledger/event-store';
import { parseFundingCommand } from '@fundledger/funding';
import {
  CheckFundingCommands,
  RecordFundingCommand,
  type CommandCheck,
  type CommandReceipt,
} from '@fundledger/funding/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { openFundingApplication } from './funding-application';

/**
 * Checking commands without recording them: the same decisions the command bus would take, in order,
 * each on the state the earlier accepted ones leave, with nothing written.
 */
const NOW = new Date('2021-12-01T09:30:00.000Z');
const actor = { id: 'alice', role: 'finance-officer' };
const AWARD_ID = 'dapi21-cleveland';
const organisation = (id: string) => ({ id, name: id });

type Script = { readonly commandId: string; readonly type: string } & JsonObject;

const envelopeOf = ({ commandId, type, ...body }: Script): CommandEnvelope => ({ commandId, commandHash: hashCommandBody(type, body), actor });
const parsed = (script: Script) => {
  const { commandId: _id, type, ...body } = script;
  return { command: parseFundingCommand(type, body), envelope: envelopeOf(script) };
};

const makeAward = (amount: string, awardId = AWARD_ID): Script => ({
  commandId: `c-award-${awardId}`,
  type: 'MakeAward',
  awardId,
  funder: organisation('home-office'),
  recipient: organisation('opcc-cleveland'),
  amount,
  awardedOn: '2021-07-01',
  window: { start: '2021-10', end: '2022-05' },
  decisionRef: 'HO-DAPI-2021',
  description: 'Domestic abuse perpetrator interventions',
});
const commitGrant = (amount: string, awardId = AWARD_ID): Script => ({
  commandId: `c-grant-${awardId}`,
  type: 'CommitGrant',
  awardId,
  grantId: 'g-harbour',
  grantee: organisation('harbour'),
  amount,
  committedOn: '2021-07-31',
  purpose: 'Delivery',
});
const pay = (commandId: string, amount: string, fields: JsonObject = {}): Script => ({
  commandId,
  type: 'PayDisbursement',
  awardId: AWARD_ID,
  grantId: 'g-harbour',
  disbursementId: `d-${commandId}`,
  amount,
  paidOn: '2021-11-01',
  reference: `BACS ${commandId}`,
  ...fields,
});

describe('checking funding commands without recording them', () => {
  let store: SqliteEventStore;
  let commands: CommandBus;
  let queries: QueryBus;
  let close: () => Promise<void>;

  beforeEach(async () => {
    store = SqliteEventStore.open({ path: ':memory:' });
    const app = await openFundingApplication(store, () => NOW);
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
    close = () => app.close();
  });

  afterEach(async () => {
    await close();
    await store.close();
  });

  const given = async (...scripts: Script[]): Promise<CommandReceipt[]> => {
    const receipts: CommandReceipt[] = [];
    for (const script of scripts) receipts.push(await commands.execute(new RecordFundingCommand(parsed(script).command, envelopeOf(script))));
    return receipts;
  };
  const check = (...scripts: Script[]): Promise<CommandCheck[]> => queries.execute(new CheckFundingCommands(scripts.map(parsed)));

  describe('given a grant of 60.00', () => {
    beforeEach(() => given(makeAward('100.00'), commitGrant('60.00')));

    it('accepts a payment only while the earlier accepted ones leave room for it, and writes nothing', async () => {
      const head = await store.headPosition();

      const checks = await check(pay('p1', '30.00'), pay('p2', '20.00'), pay('p3', '10.01'), pay('p4', '10.00'));

      expect(checks.map((c) => c.result)).toEqual(['accepted', 'accepted', 'refused', 'accepted']);
      expect(checks[0]).toEqual({ result: 'accepted', events: [{ type: 'DisbursementPaid' }] });
      expect(checks[2]).toEqual({
        result: 'refused',
        refusal: {
          code: 'PAYMENT_EXCEEDS_COMMITMENT',
          message: 'paying £10.01 to grant g-harbour would take payments to £60.01 against £60.00 committed',
          details: { amount: '10.01', paidAfter: '60.01', committed: '60.00' },
        },
      });
      expect(await store.headPosition()).toBe(head);
    });

    it('leaves a refused command out of the state the next one is decided on', async () => {
      const checks = await check(pay('p1', '60.01'), pay('p2', '60.00'));

      expect(checks.map((c) => c.result)).toEqual(['refused', 'accepted']);
    });

    it('sees a disbursement id taken by an earlier command of the same check', async () => {
      const checks = await check(pay('p1', '1.00', { disbursementId: 'd-same' }), pay('p2', '1.00', { disbursementId: 'd-same' }));

      expect(checks[1]).toMatchObject({ result: 'refused', refusal: { code: 'DUPLICATE_DISBURSEMENT_ID' } });
    });

    it('says a command already recorded is already recorded, and one reusing its id for another body is refused', async () => {
      await given(pay('p1', '30.00'));

      const checks = await check(pay('p1', '30.00'), pay('p1', '31.00'), pay('p2', '30.00'));

      expect(checks[0]).toEqual({ result: 'already-recorded' });
      expect(checks[1]).toMatchObject({ result: 'refused', refusal: { code: 'COMMAND_ID_REUSED' } });
      // p1 is already in the stream's state: 30.00 + 30.00 fits 60.00 exactly.
      expect(checks[2]).toMatchObject({ result: 'accepted' });
    });

    it('agrees with what the command bus then records', async () => {
      const batch = [pay('p1', '40.00'), pay('p2', '30.00'), pay('p3', '20.00')];
      const checks = await check(...batch);

      const recorded: string[] = [];
      for (const script of batch) {
        await given(script).then(
          () => recorded.push('accepted'),
          (error: { code: string }) => recorded.push(`refused ${error.code}`),
        );
      }

      expect(recorded).toEqual(checks.map((c) => (c.result === 'refused' ? `refused ${c.refusal.code}` : c.result)));
      expect(recorded).toEqual(['accepted', 'refused PAYMENT_EXCEEDS_COMMITMENT', 'accepted']);
    });
  });

  it('checks each award on its own state and answers in the order asked', async () => {
    await given(makeAward('100.00'), commitGrant('10.00'), makeAward('100.00', 'other'), commitGrant('50.00', 'other'));

    const checks = await check(pay('p1', '20.00'), pay('p2', '20.00', { awardId: 'other' }), pay('p3', '5.00'));

    expect(checks.map((c) => c.result)).toEqual(['refused', 'accepted', 'accepted']);
  });

  it("refuses a payment on an award never made, with the ledger's own code", async () => {
    const [checked] = await check(pay('p1', '1.00'));

    expect(checked).toMatchObject({ result: 'refused', refusal: { code: 'AWARD_NOT_FOUND' } });
  });

  it('says a command recorded before the stream\'s snapshot is already recorded, read cold from that snapshot', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'fundledger-check-'));
    const path = join(directory, 'ledger.sqlite');
    const recordOn = async (scripts: Script[]): Promise<void> => {
      const writer = SqliteEventStore.open({ path, snapshotEvery: 2 });
      const app = await openFundingApplication(writer, () => NOW);
      for (const script of scripts) await app.get(CommandBus).execute(new RecordFundingCommand(parsed(script).command, envelopeOf(script)));
      await app.close();
      await writer.close();
    };
    try {
      await recordOn([makeAward('100.00'), commitGrant('60.00'), pay('p1', '10.00'), pay('p2', '10.00'), pay('p3', '10.00')]);
      // A second process: no cached state, so the award is read from its snapshot, which holds no command ids.
      const reader = SqliteEventStore.open({ path, snapshotEvery: 2 });
      const app = await openFundingApplication(reader, () => NOW);
      const checks: CommandCheck[] = await app.get(QueryBus).execute(new CheckFundingCommands([pay('p1', '10.00'), pay('p1', '11.00'), pay('p4', '30.00')].map(parsed)));
      await app.close();
      await reader.close();

      expect(checks[0]).toEqual({ result: 'already-recorded' });
      expect(checks[1]).toMatchObject({ result: 'refused', refusal: { code: 'COMMAND_ID_REUSED' } });
      expect(checks[2]).toMatchObject({ result: 'accepted' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
