import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type RecordedEvent } from '@fundledger/event-store';
import { fixturePath } from '@fundledger/testing';
import { runBuiltCli, type CliRun } from './built-cli';

const fixture = (file: string): string => fixturePath(file.replace(/\.json$/, ''));

describe('fundledger import (the built CLI)', () => {
  let directory: string;

  beforeAll(() => {
  });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'fundledger-import-e2e-'));
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const db = () => join(directory, 'ledger.sqlite');

  // Run in the temporary directory with the store chosen by --db only, so no .env or FUNDLEDGER_* leaks in.
  const cli = (...args: string[]): Promise<CliRun> => runBuiltCli(['--db', db(), ...args], { cwd: directory });

  const headOf = async (): Promise<string> => {
    const status = await cli('status');
    expect(status.code).toBe(0);
    return /head position: (\S+)/.exec(status.stdout)?.[1] ?? `no head position in ${status.stdout}`;
  };

  const writeScript = (name: string, script: object): string => {
    const path = join(directory, name);
    writeFileSync(path, JSON.stringify(script));
    return path;
  };

  describe('the national announcement, then Cleveland', () => {
    it('applies every command, surfaces the published inconsistencies, and a second import changes nothing', async () => {
      const first = await cli('import', fixture('national-2021.json'), fixture('cleveland-2021.json'));

      expect(first).toMatchObject({ code: 0 });
      expect(first.stdout).toContain('national-2021.json: applied 26, already applied 0, rejected 0');
      expect(first.stdout).toContain('cleveland-2021.json: applied 11, already applied 0, rejected 0');
      expect(first.stdout).toContain('Published inconsistencies noted by the script:');
      expect(first.stdout).toContain('a grants total of 296,617 while its three lines sum to 295,617');
      const head = await headOf();

      const again = await cli('import', '--json', fixture('national-2021.json'), fixture('cleveland-2021.json'));

      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        files: [
          { file: 'national-2021.json', applied: 0, alreadyApplied: 26, rejected: 0 },
          { file: 'cleveland-2021.json', applied: 0, alreadyApplied: 11, rejected: 0 },
        ],
        total: { commands: 37, applied: 0, alreadyApplied: 37, rejected: 0 },
        headPosition: head,
      });
      expect(await headOf()).toBe(head);
    });
  });

  describe('Norfolk, certified by its Section 151 officer', () => {
    it('applies every command, the certificate included', async () => {
      const run = await cli('import', '--json', fixture('norfolk-2023.json'));

      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).files[0]).toMatchObject({ applied: 4, rejected: 0, rejections: [] });
    });
  });

  describe('a script that breaks a ledger rule', () => {
    it('names the rule and its figures, exits 1, and the refused command writes nothing', async () => {
      const organisation = { id: 'opcc-test', name: 'OPCC Test' };
      const script = writeScript('over-commit.json', {
        description: 'A grant one penny above the award',
        source: 'e2e spec',
        commands: [
          {
            commandId: 'oc-1',
            type: 'MakeAward',
            awardId: 'oc',
            funder: organisation,
            recipient: organisation,
            amount: '100.00',
            awardedOn: '2021-07-01',
            window: { start: '2021-10', end: '2022-05' },
            decisionRef: 'OC-1',
            description: 'Test award',
          },
          { commandId: 'oc-2', type: 'CommitGrant', awardId: 'oc', grantId: 'g-1', grantee: organisation, amount: '100.01', purpose: 'Delivery', committedOn: '2021-07-01' },
        ],
      });

      const run = await cli('import', script);

      expect(run.code).toBe(1);
      expect(run.stdout).toContain('over-commit.json: applied 1, already applied 0, rejected 1');
      expect(run.stdout).toMatch(/oc-2 CommitGrant COMMITMENT_EXCEEDS_AVAILABLE_FUNDING: .*£100\.01.*£100\.00 available/);
      const store = SqliteEventStore.open({ path: db() });
      try {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream('award-oc')) events.push(event);
        expect(events.map((event) => event.metadata.commandId)).toEqual(['oc-1']);
      } finally {
        await store.close();
      }
    });
  });

  describe('a file that is not a command script', () => {
    it('says which file and which command is wrong, writes nothing and exits 2', async () => {
      const script = writeScript('malformed.json', {
        description: 'Missing a type',
        source: 'e2e spec',
        commands: [{ commandId: 'm-1', awardId: 'a' }],
      });

      const run = await cli('import', fixture('norfolk-2023.json'), script);

      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${script}: commands[0] (commandId m-1): type must be a non-empty string`);
      expect(run.stdout).toBe('');
      expect(existsSync(db())).toBe(false);
    });
  });
});
