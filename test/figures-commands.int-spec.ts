import {
  EVENT_STORE,
  hashCommandBody,
  SqliteEventStore,
  type EventStore,
  type JsonObject,
} from '@fundledger/event-store';
import { loadFixtureScript } from '@fundledger/testing';
import { Global, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import {
  CLOCK,
  type CommandReceipt,
  FundingModule,
  RecordFundingCommand,
  RecordFundingCommandHandler,
} from '@fundledger/funding/application';
import { parseFundingCommand } from '@fundledger/funding';
import { reportingFigures } from '@fundledger/reporting';
import { RacingStore } from './racing-store';

type Script = { readonly commandId: string; readonly type: string } & JsonObject;

/** Payments by the finance officer, everything else by the CFO: one person may not do both on an award. */
const officerFor = (type: string) =>
  type === 'PayDisbursement' ? { id: 'finance', role: 'finance-officer' } : { id: 'cfo', role: 's151-officer' };

const recordOf = ({ commandId, type, ...body }: Script, actor = officerFor(type)): RecordFundingCommand =>
  new RecordFundingCommand(parseFundingCommand(type, body), {
    commandId,
    commandHash: hashCommandBody(type, body),
    actor,
    correlationId: 'figures-spec',
  });

const NORFOLK = 'norfolk-change-2023';
const norfolk = loadFixtureScript('norfolk-2023').commands as unknown as Script[];
const pay = (commandId: string, amount: string, paidOn: string): Script => ({
  commandId,
  type: 'PayDisbursement',
  awardId: NORFOLK,
  grantId: 'g-change-project',
  disbursementId: `d-${commandId}`,
  amount,
  paidOn,
  reference: commandId,
});
const submitQ2 = (commandId: string, submittedOn = '2023-10-02'): Script => ({
  commandId,
  type: 'SubmitReturn',
  awardId: NORFOLK,
  financialYear: '2023-24',
  quarter: 2,
  submittedOn,
});

describe('certificates and returns through the command bus', () => {
  let sqlite: SqliteEventStore;
  let now: Date;
  let bus: CommandBus;
  let close: () => Promise<void>;

  const start = async (store: EventStore): Promise<void> => {
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}
    const moduleRef = await Test.createTestingModule({ imports: [StoreModule, FundingModule.withFigures(reportingFigures)] })
      .overrideProvider(CLOCK)
      .useValue(() => now)
      .compile();
    const app = await moduleRef.init();
    bus = app.get(CommandBus);
    close = () => app.close();
  };
  const execute = (script: Script): Promise<CommandReceipt> => bus.execute(recordOf(script));

  beforeEach(() => {
    sqlite = SqliteEventStore.open({ path: ':memory:' });
    now = new Date('2023-10-02T09:00:00.000Z');
  });

  afterEach(async () => {
    await close();
    await sqlite.close();
  });

  it('imports Norfolk completely, the certificate pinning the figures at the revision it read', async () => {
    await start(sqlite);
    const receipts: CommandReceipt[] = [];
    for (const script of norfolk) receipts.push(await execute(script));
    const certified = receipts[3].events[0];
    expect(certified).toMatchObject({ type: 'BudgetCertified', revision: '3' });
    expect(certified.data).toMatchObject({
      basis: 'b',
      decisionRef: '21/2023',
      atRevision: 2,
      figures: expect.objectContaining({ awardAmount: '169675.00', committed: '169675.00', paid: '0.00' }),
      figuresHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('certifies the figures as they are after a payment that won the race, at that revision', async () => {
    await start(sqlite);
    for (const script of norfolk.slice(0, 3)) await execute(script);
    const clock = () => now;
    const racing = new RacingStore(sqlite);
    racing.arm(() => new RecordFundingCommandHandler(sqlite, clock, reportingFigures).execute(recordOf(pay('p-race', '1000.00', '2023-08-01'))));

    const receipt = await new RecordFundingCommandHandler(racing, clock, reportingFigures).execute(recordOf(norfolk[3]));
    expect(receipt.events[0]).toMatchObject({ type: 'BudgetCertified', revision: '4' });
    expect(receipt.events[0].data).toMatchObject({ atRevision: 3, figures: expect.objectContaining({ paid: '1000.00' }) });
  });

  describe('separation of duties, from the actors in the metadata', () => {
    const certify = norfolk[3];
    const same = { id: 'pat', role: 'finance-officer' };

    beforeEach(async () => {
      await start(sqlite);
      for (const script of norfolk.slice(0, 3)) await execute(script);
    });

    it('refuses the certificate of the subject who recorded a payment on the award, and records nothing', async () => {
      await bus.execute(recordOf(pay('p-pat', '1000.00', '2023-08-01'), same));
      const before = await sqlite.headPosition();
      await expect(bus.execute(recordOf(certify, { ...same, role: 's151-officer' }))).rejects.toMatchObject({
        code: 'DUTIES_NOT_SEPARATED',
        details: { actor: 'pat', awardId: NORFOLK, command: 'CertifyBudget' },
      });
      expect(await sqlite.headPosition()).toBe(before);
      await expect(execute(certify)).resolves.toMatchObject({ events: [expect.objectContaining({ type: 'BudgetCertified' })] });
    });

    it('refuses the payment of the subject who certified the budget, and records nothing', async () => {
      await bus.execute(recordOf(certify, { ...same, role: 's151-officer' }));
      const before = await sqlite.headPosition();
      await expect(bus.execute(recordOf(pay('p-pat', '1000.00', '2023-08-01'), same))).rejects.toMatchObject({
        code: 'DUTIES_NOT_SEPARATED',
        details: { actor: 'pat', command: 'PayDisbursement' },
      });
      expect(await sqlite.headPosition()).toBe(before);
      await expect(execute(pay('p-other', '1000.00', '2023-08-01'))).resolves.toBeDefined();
    });
  });

  describe('a return', () => {
    beforeEach(async () => {
      await start(sqlite);
      for (const script of norfolk) await execute(script);
      await execute(pay('p-1', '14139.59', '2023-08-15'));
    });

    it('is refused while its quarter has not ended in the UK, though UTC has moved on', async () => {
      // 23:30 on 30 September in London is 22:30 UTC; 00:30 on 1 October in London is still 30 September in UTC.
      now = new Date('2023-09-30T22:30:00.000Z');
      await expect(execute(submitQ2('r-early', '2023-09-30'))).rejects.toMatchObject({
        code: 'RETURN_QUARTER_NOT_ENDED',
        message: 'Q2 2023-24 ends on 2023-09-30; its return cannot be submitted on 2023-09-30, before the quarter has ended',
      });
      now = new Date('2023-09-30T23:30:00.000Z');
      const receipt = await execute(submitQ2('r-on-time', '2023-10-01'));
      expect(receipt.events[0].data).toMatchObject({ version: 1, submittedOn: '2023-10-01' });
    });

    it('records each submission of a quarter as a new version with the figures as they stood', async () => {
      const first = await execute(submitQ2('r-1'));
      await execute(pay('p-2', '100.00', '2023-09-20'));
      const second = await execute({ ...submitQ2('r-2'), reason: 'September payment added' });
      const spendOf = (receipt: CommandReceipt) =>
        ((receipt.events[0].data.figures as JsonObject).spend as { quarter: { total: string } }).quarter.total;
      expect(first.events[0].data).toMatchObject({ version: 1 });
      expect(second.events[0].data).toMatchObject({ version: 2, reason: 'September payment added' });
      expect([spendOf(first), spendOf(second)]).toEqual(['14139.59', '14239.59']);
      expect(second.events[0].data.figuresHash).not.toBe(first.events[0].data.figuresHash);
    });
  });
});
