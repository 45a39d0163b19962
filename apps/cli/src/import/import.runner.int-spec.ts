import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, SqliteEventStore, type EventStore, type RecordedEvent } from '@fundledger/event-store';
import { FundingModule } from '@fundledger/funding/application';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { readCommandScript } from './command-script';
import type { ImportProgress } from './import.progress';
import { runImport } from './import.runner';
import { reportingFigures } from '@fundledger/reporting';

const organisation = (id: string) => ({ id, name: id });
const makeAward = (commandId: string, amount: string) => ({
  commandId,
  type: 'MakeAward',
  awardId: 'a-1',
  funder: organisation('home-office'),
  recipient: organisation('opcc-cleveland'),
  amount,
  awardedOn: '2021-07-01',
  window: { start: '2021-10', end: '2022-05' },
  decisionRef: 'HO-1',
  description: 'Perpetrator interventions',
});
const commitGrant = (commandId: string, amount: string) => ({
  commandId,
  type: 'CommitGrant',
  awardId: 'a-1',
  grantId: 'g-1',
  grantee: organisation('harbour'),
  amount,
  purpose: 'Delivery',
  committedOn: '2021-07-01',
});
// Well formed, but no decision D-1 is recorded on the award: refused by the rule, not by the parser.
const certifyBudget = {
  commandId: 'c-certify',
  type: 'CertifyBudget',
  awardId: 'a-1',
  basis: 'b',
  regulationsComplied: true,
  officer: organisation('cfo'),
  certifiedOn: '2021-08-01',
  decisionRef: 'D-1',
};

describe('importing command scripts', () => {
  let directory: string;
  let store: SqliteEventStore;
  let app: INestApplicationContext;
  const told: string[] = [];
  const progress: ImportProgress = {
    start: (total) => told.push(`start ${total}`),
    advance: (file) => told.push(file),
    stop: () => told.push('stop'),
  };

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-import-'));
    told.length = 0;
    store = SqliteEventStore.open({ path: ':memory:' });
    @Global()
    @Module({ providers: [{ provide: EVENT_STORE, useValue: store }], exports: [EVENT_STORE] })
    class StoreModule {}
    app = await (await Test.createTestingModule({ imports: [StoreModule, FundingModule.withFigures(reportingFigures)] }).compile()).init();
  });

  afterEach(async () => {
    await app.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const write = (name: string, commands: object[], fields: object = {}): string => {
    const path = join(directory, name);
    writeFileSync(path, JSON.stringify({ description: `Script ${name}`, source: 'Spec', commands, ...fields }));
    return path;
  };
  const importFiles = (...paths: string[]) =>
    runImport(paths.map(readCommandScript), {
      commandBus: app.get(CommandBus),
      store: app.get<EventStore>(EVENT_STORE),
      actor: { id: 'alice', role: 'finance-officer' },
      progress,
    });
  const awardEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream('award-a-1')) events.push(event);
    return events;
  };

  describe('when the commands fit the ledger', () => {
    it('records each as the importing actor, correlated with the file, telling progress per command', async () => {
      const summary = await importFiles(write('award.json', [makeAward('c-1', '100.00'), commitGrant('c-2', '60.00')]));

      expect(summary.total).toEqual({ commands: 2, applied: 2, alreadyApplied: 0, rejected: 0 });
      expect(summary.headPosition).toBe((await store.headPosition()).toString());
      expect((await awardEvents()).map((e) => [e.metadata.commandId, e.metadata.correlationId, e.metadata.actor])).toEqual([
        ['c-1', 'import:award.json', { id: 'alice', role: 'finance-officer' }],
        ['c-2', 'import:award.json', { id: 'alice', role: 'finance-officer' }],
      ]);
      expect(told).toEqual(['start 2', 'award.json', 'award.json', 'stop']);
    });

    it('answers a second import from the log, writing nothing', async () => {
      const path = write('award.json', [makeAward('c-1', '100.00'), commitGrant('c-2', '60.00')]);
      const first = await importFiles(path);

      const second = await importFiles(path);

      expect(second.total).toEqual({ commands: 2, applied: 0, alreadyApplied: 2, rejected: 0 });
      expect(second.headPosition).toBe(first.headPosition);
    });
  });

  describe('when some commands cannot be recorded', () => {
    it('reports each refusal with its code and figures, and goes on with the rest', async () => {
      const summary = await importFiles(
        write('award.json', [makeAward('c-1', '100.00'), commitGrant('c-2', '100.01'), certifyBudget, commitGrant('c-3', '100.00')], {
          notes: ['The stated total is not the sum of its lines.'],
        }),
      );

      expect(summary.files[0]).toMatchObject({
        applied: 2,
        rejected: 2,
        notes: ['The stated total is not the sum of its lines.'],
        rejections: [
          {
            index: 1,
            commandId: 'c-2',
            type: 'CommitGrant',
            code: 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING',
            details: { committedAfter: '100.01', available: '100.00' },
          },
          {
            index: 2,
            commandId: 'c-certify',
            type: 'CertifyBudget',
            code: 'DECISION_NOT_RECORDED',
            message: 'decision D-1 is not recorded on award a-1 (no decision is); record the decision before certifying its budget',
          },
        ],
      });
      expect((await awardEvents()).map((e) => e.metadata.commandId)).toEqual(['c-1', 'c-3']);
    });

    it('refuses a commandId reused with another body', async () => {
      await importFiles(write('first.json', [makeAward('c-1', '100.00')]));

      const summary = await importFiles(write('second.json', [makeAward('c-1', '200.00')]));

      expect(summary.files[0].rejections).toEqual([expect.objectContaining({ commandId: 'c-1', code: 'COMMAND_ID_REUSED' })]);
    });
  });

  describe('when a script requires another', () => {
    const scripts = () => ({
      base: write('base.json', [makeAward('c-1', '100.00')]),
      dependent: write('dependent.json', [commitGrant('c-2', '60.00')], { requires: ['base.json'] }),
    });

    it('warns when the required script is neither given before it nor in the log', async () => {
      const { base, dependent } = scripts();
      const summary = await importFiles(dependent, base);

      expect(summary.files[0].warnings).toEqual([
        'requires base.json, which is given after it (files run in the order given) and whose first command (c-1) ' +
          'is not in the log; import it first',
      ]);
    });

    it('says nothing when it is given before, or was imported earlier', async () => {
      const { base, dependent } = scripts();
      expect((await importFiles(base, dependent)).files[1].warnings).toEqual([]);
      expect((await importFiles(dependent)).files[0].warnings).toEqual([]);
    });
  });
});
