import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixturePath } from '@fundledger/testing';
import { runBuiltCli } from './built-cli';

const CLEVELAND = 'dapi21-cleveland';

/** A command script as `import` reads it, built for the spec. */
const script = (description: string, commands: object[]) => ({ description, source: 'business-time spec', commands });

const payment = (month: string, amount = '10000.00') => ({
  commandId: `bt-pay-${month}`,
  type: 'PayDisbursement',
  awardId: CLEVELAND,
  grantId: 'g-harbour',
  disbursementId: `d-harbour-${month}`,
  amount,
  paidOn: `${month}-15`,
  reference: `BACS Harbour ${month}`,
});
const receipt = (contributionId: string, amount: string, receivedOn: string) => ({
  commandId: `bt-receive-${contributionId}`,
  type: 'ReceiveMatchFunding',
  awardId: CLEVELAND,
  contributionId,
  amount,
  receivedOn,
});

/*
 * A finance officer back-enters a year of Cleveland's payments and receipts, today, in two sittings;
 * an auditor then asks what had happened by 31 March 2022 (as of) and what the ledger said between
 * the sittings (as known at). Both axes, alone and together, from the built CLI on one SQLite file.
 */
describe('business time: as of a date, as known at a moment (the built CLI)', () => {
  let directory: string;
  let betweenSittings: string;
  const cli = (...args: string[]) => runBuiltCli(['--db', join(directory, 'ledger.sqlite'), ...args], { cwd: directory });
  const json = async (...args: string[]) => {
    const run = await cli(...args, '--format', 'json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(run.stdout);
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-business-time-'));
    const first = join(directory, 'autumn.json');
    const second = join(directory, 'rest.json');
    writeFileSync(
      first,
      JSON.stringify(script('Autumn 2021', [payment('2021-10'), payment('2021-11'), payment('2021-12'), receipt('m-opcc', '38117.00', '2021-11-10')])),
    );
    writeFileSync(
      second,
      JSON.stringify(
        script('The rest of the year', [
          ...['2022-01', '2022-02', '2022-03', '2022-04', '2022-05'].map((month) => payment(month)),
          receipt('m-hartlepool', '15000.00', '2022-05-05'),
          // A late invoice for October's work, paid after provision ended: accepted and flagged.
          payment('2022-11', '500.00'),
        ]),
      ),
    );
    const imported = await cli('import', fixturePath('national-2021'), fixturePath('cleveland-2021'), first);
    expect(imported.code).toBe(0);
    await sleep(20);
    betweenSittings = new Date().toISOString();
    await sleep(20);
    expect((await cli('import', second)).code).toBe(0);
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('answers as of 31 March 2022 with the payments and receipts effective by then', async () => {
    const report = await json('report', 'position', '--award', CLEVELAND, '--as-of', '2022-03-31');
    expect(report.answeredAt).toMatchObject({ asOf: '2022-03-31', knownAt: null });
    expect(report.paid).toBe('60000.00');
    expect(report.matchFunding.received).toBe('38117.00');
    expect(report.awarded.current).toBe('200124.66');
  });

  it('answers as known now with everything recorded, the late invoice flagged', async () => {
    const report = await json('report', 'position', '--award', CLEVELAND);
    expect(report.paid).toBe('80500.00');
    expect(report.matchFunding.received).toBe('53117.00');
    expect(report.paymentsOutsideProvision).toEqual([
      expect.objectContaining({ disbursementId: 'd-harbour-2022-11', paidOn: '2022-11-15', amount: '500.00' }),
    ]);
  });

  it('answers "as of 31 March 2022, as known between the sittings" with the first sitting only', async () => {
    const report = await json('report', 'position', '--award', CLEVELAND, '--as-of', '2022-03-31', '--known-at', betweenSittings);
    expect(report.answeredAt).toMatchObject({ asOf: '2022-03-31', knownAt: betweenSittings });
    expect(report.paid).toBe('30000.00');
  });

  it('keeps --as-at working as the name of --known-at', async () => {
    const report = await json('report', 'position', '--award', CLEVELAND, '--as-at', betweenSittings);
    expect(report.paid).toBe('30000.00');
  });

  it('has no award as of a date before it was made', async () => {
    const run = await cli('report', 'position', '--award', CLEVELAND, '--as-of', '2021-06-30');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`award ${CLEVELAND} has not been made as of 2021-06-30`);
  });

  it('reconciles funded months and statements as of the date too', async () => {
    const contributor = await json('report', 'contributor', '--organisation', 'hartlepool-council', '--as-of', '2022-03-31');
    expect(contributor.answeredAt.asOf).toBe('2022-03-31');
    // Hartlepool's 15,000.00 arrived on 5 May 2022: pledged by 31 March, not yet received.
    expect(contributor.contributions[0]).toMatchObject({ pledged: '15000.00', received: '0.00' });
    const months = await json('report', 'funded-months', '--award', CLEVELAND, '--as-of', '2021-07-31');
    expect(months.totals.fundedMonths).toBe('12.3148');
  });

  it('refuses an as-of date still to come, and --known-at with --position, as usage mistakes', async () => {
    expect(await cli('report', 'position', '--award', CLEVELAND, '--as-of', '2999-01-01')).toMatchObject({ code: 2 });
    const both = await cli('report', 'position', '--award', CLEVELAND, '--known-at', betweenSittings, '--position', '3');
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('give --known-at or position, not both') });
  });

  it('replays every award as of a date', async () => {
    const replay = await json('replay', '--as-of', '2021-06-30');
    expect(replay.awards).toEqual([]);
  });

  describe('year end', () => {
    it('gives the statement-of-accounts figures as of 31 March 2022', async () => {
      const report = await json('report', 'year-end', '--financial-year', '2021-22', '--award', CLEVELAND);
      expect(report).toMatchObject({ financialYear: '2021-22', asOf: '2022-03-31' });
      expect(report.awards[0]).toMatchObject({
        awardId: CLEVELAND,
        funderMoney: { spentInYear: '60000.00', spentToDate: '60000.00', windowEnd: '2022-05', lapses: '0.00' },
        matchFunding: { receivedInYear: '38117.00', receivedToDate: '38117.00', spentInYear: '0.00', receiptsInAdvance: '38117.00' },
        grantCommitmentsOutstanding: '235617.00',
      });
    });

    it('lapses the funder money unspent when its window ended, in the year after', async () => {
      const report = await json('report', 'year-end', '--financial-year', '2022-23', '--award', CLEVELAND);
      // 200,124.66 less eight months of 10,000.00 (Oct 2021 to May 2022): the window ended in May 2022.
      expect(report.awards[0].funderMoney).toMatchObject({ spentInYear: '20000.00', spentToDate: '80000.00', lapses: '120124.66' });
      // The late November invoice falls after every window: no source pays for it, so no match is spent.
      expect(report.awards[0].matchFunding).toMatchObject({ receivedInYear: '15000.00', spentInYear: '0.00' });
    });

    it('prints a table and CSV, and refuses a year not yet ended', async () => {
      const table = await cli('report', 'year-end', '--financial-year', '2021-22');
      expect(table.stdout).toContain('Year end 2021-22: as of 2022-03-31');
      const csv = await cli('report', 'year-end', '--financial-year', '2021-22', '--format', 'csv');
      expect(csv.stdout.split('\n')[0]).toMatch(/^financialYear,asOf,awardId,recipient,funder,funderAwarded,funderSpentInYear/);
      const future = await cli('report', 'year-end', '--financial-year', '2099-00');
      expect(future).toMatchObject({ code: 1, stderr: expect.stringContaining('ends on 2100-03-31, after today') });
    });
  });
});

/*
 * A log written by fundledger 0.1, before events carried business dates (test/data/schema-v1.sqlite,
 * made by importing test/data/schema-v1.commands.json and the Norfolk fixture with that version).
 */
describe('a log recorded before business dates', () => {
  let directory: string;
  const cli = (...args: string[]) => runBuiltCli(['--db', join(directory, 'ledger.sqlite'), ...args], { cwd: directory });

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-schema-v1-'));
    // A copy: the stored rows are read, never rewritten, but opening a file may migrate its tables.
    copyFileSync(resolve(__dirname, 'data/schema-v1.sqlite'), join(directory, 'ledger.sqlite'));
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('still verifies: the upcast never touches what the hash chain covers', async () => {
    const run = await cli('verify');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: /) });
  });

  it('reads every figure as it was, and marks the dates it had to infer', async () => {
    const run = await cli('report', 'position', '--award', 'legacy-award', '--format', 'json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      status: 'closed',
      awarded: { current: '800.00' },
      matchFunding: { pledged: '300.00', received: '100.00', withdrawn: '50.00' },
      committed: '650.00',
      paid: '200.00',
    });
    // Eight events had no business date; each now carries the UK date it was recorded, said so.
    expect(report.businessDatesInferred.map((d: { type: string; field: string }) => `${d.type}.${d.field}`)).toEqual([
      'AwardVaried.effectiveOn',
      'MatchFundingPledged.pledgedOn',
      'MatchFundingWithdrawn.withdrawnOn',
      'GrantCommitted.committedOn',
      'GrantCommitmentVaried.effectiveOn',
      'DisbursementReversed.reversedOn',
      'ProvisionExtended.decidedOn',
      'SpendProfileSet.setOn',
    ]);
    expect(report.grants[0].committedOn).toBe(report.businessDatesInferred[3].date);
  });

  it('answers as of a date before the inferred dates with what depends on them left out', async () => {
    // The payment is dated 2021-08-01, but its commitment only "happened" when it was recorded.
    const run = await cli('report', 'position', '--award', 'legacy-award', '--as-of', '2021-09-30', '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ awarded: { current: '900.00' }, committed: '0.00', paid: '0.00' });
    expect(report.matchFunding.received).toBe('0.00');
  });

  it('keeps its certificate and returns readable', async () => {
    expect((await cli('certificate', '--award', 'legacy-award', '--format', 'json')).code).toBe(0);
    expect((await cli('report', 'return', '--award', 'legacy-award', '--year', '2021-22', '--quarter', '2')).code).toBe(0);
  });
});

/* The lineage of a figure, over the same business-time story: an auditor asks where "paid" came from. */
describe('the lineage of a figure (the built CLI)', () => {
  let directory: string;
  const cli = (...args: string[]) => runBuiltCli(['--db', join(directory, 'ledger.sqlite'), ...args], { cwd: directory });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-lineage-'));
    const payments = join(directory, 'payments.json');
    writeFileSync(payments, JSON.stringify(script('Two payments', [payment('2021-10'), payment('2021-11', '2500.00')])));
    expect((await cli('import', fixturePath('national-2021'), fixturePath('cleveland-2021'), payments, '--actor', 'cle.finance')).code).toBe(0);
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('lists the events that make it up, with business dates and actors, adding up to the figure', async () => {
    const run = await cli('report', 'lineage', '--award', CLEVELAND, '--figure', 'paid', '--format', 'json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lineage = JSON.parse(run.stdout);
    expect(lineage).toMatchObject({ figure: 'paid', value: '12500.00' });
    expect(lineage.terms.map((t: { change: string; businessDate: string; actor: { id: string } }) => [t.change, t.businessDate, t.actor.id])).toEqual([
      ['10000.00', '2021-10-15', 'cle.finance'],
      ['2500.00', '2021-11-15', 'cle.finance'],
    ]);
  });

  it('answers as of a date too', async () => {
    const run = await cli('report', 'lineage', '--award', CLEVELAND, '--figure', 'paid', '--as-of', '2021-10-31', '--format', 'json');
    expect(JSON.parse(run.stdout)).toMatchObject({ value: '10000.00', answeredAt: { asOf: '2021-10-31' } });
  });

  it('refuses a figure it does not know, naming those it does', async () => {
    const run = await cli('report', 'lineage', '--award', CLEVELAND, '--figure', 'profit');
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('available-funding') });
  });
});
