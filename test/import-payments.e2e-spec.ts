import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import { fixturePath } from '@fundledger/testing';
import { runBuiltCli, type CliRun } from './built-cli';

/**
 * `fundledger import-payments` (the built CLI): the same reader and check as the upload page. A dry
 * run writes nothing; a run records the accepted rows and exits 1 when any is refused; a second run
 * of the same file records nothing.
 */
describe('fundledger import-payments (the built CLI)', () => {
  // Each run is a process of its own: seconds apiece on two cores shared with the rest of the suite.
  jest.setTimeout(120_000);
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-import-payments-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const cli = (...args: string[]): Promise<CliRun> => runBuiltCli(['--db', join(directory, 'ledger.sqlite'), ...args], { cwd: directory });
  /** The log's head, read from the file itself rather than by another CLI process. */
  const head = async (): Promise<bigint> => {
    const store = SqliteEventStore.open({ path: join(directory, 'ledger.sqlite') });
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  };
  const file = (name: string, ...lines: string[]): string => {
    const path = join(directory, name);
    writeFileSync(path, lines.join('\r\n'));
    return path;
  };

  it('checks, records the accepted rows, reports the refused one, and records nothing the second time', async () => {
    expect((await cli('import', fixturePath('national-2021'), fixturePath('cleveland-2021'))).code).toBe(0);
    const payments = file(
      'november.csv',
      'Posting Date,Cost Centre,Grant ID,Net,Invoice',
      '30/11/2021,CC-01,g-harbour,"£15,602.42",HAR-11',
      '30/11/2021,CC-02,g-barefoot,5000.00,BAR-11',
      '31/12/2021,CC-02,g-barefoot,2500.00,BAR-12',
    );
    const columns = ['--columns', 'date=Posting Date,grant=Grant ID,amount=Net,reference=Invoice'];
    const before = await head();

    const dryRun = await cli('import-payments', payments, '--award', 'dapi21-cleveland', '--dry-run', ...columns, '--actor', 'fiona');

    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toMatch(/ 2 +30\/11\/2021 +g-harbour +£15,602.42 +HAR-11 +would be recorded\n/);
    expect(dryRun.stdout).toContain('refused: paying £2,500.00 to grant g-barefoot would take payments to £7,500.00 against £7,000.00 committed (PAYMENT_EXCEEDS_COMMITMENT)');
    expect(dryRun.stdout).toContain('dry run, nothing recorded: 2 would be recorded, 0 already recorded, 1 refused');
    expect(await head()).toBe(before);

    const recorded = await cli('import-payments', payments, '--award', 'dapi21-cleveland', ...columns, '--actor', 'fiona');

    expect(recorded.code).toBe(1);
    expect(recorded.stdout).toContain('recorded 2, already recorded 0, refused 1');
    expect(await head()).toBe(before + 2n);

    const again = await cli('import-payments', payments, '--award', 'dapi21-cleveland', ...columns, '--actor', 'fiona', '--json');

    expect(JSON.parse(again.stdout)).toMatchObject({
      file: 'november.csv',
      dryRun: false,
      counts: { recorded: 0, 'already-recorded': 2, refused: 1 },
      rows: [{ row: 2, amount: '15602.42', result: 'already-recorded' }, { row: 3, result: 'already-recorded' }, { row: 4, result: 'refused', refusal: { code: 'PAYMENT_EXCEEDS_COMMITMENT' } }],
    });
    expect(await head()).toBe(before + 2n);
  });

  it('exits 0 when every row is recorded', async () => {
    expect((await cli('import', fixturePath('national-2021'), fixturePath('cleveland-2021'))).code).toBe(0);

    const run = await cli('import-payments', file('ok.csv', 'date,grant,amount,reference', '2021-11-30,g-msp,8449.00,MSP-11'), '--award', 'dapi21-cleveland');

    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('recorded 1, already recorded 0, refused 0');
  });

  it.each([
    ['a header without a named column', ['date,grant,amount', '2021-11-30,g-msp,1.00'], [], 'the header row has no column "reference" (reference)', 'MISSING_COLUMN'],
    ['a bad --columns', ['date,grant,amount,reference'], ['--columns', 'net=Net'], 'column names: "net" is not one of date, grant, amount, reference', 'INVALID_COLUMN_MAPPING'],
  ])('refuses %s before opening the store (exit 2)', async (_name, lines, args, message, code) => {
    const run = await cli('import-payments', file('bad.csv', ...lines), '--award', 'dapi21-cleveland', ...args);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain(`(${code})`);
    expect(run.stdout).toBe('');
  });
});
