import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuiltCli, type CliRun } from './built-cli';
import { Insider } from './insider';

/**
 * Issue 11's insider, with the database file but not the signing key, against the CLI an auditor runs.
 * The honest log: the national 2021 awards and Cleveland's (an earlier checkpoint is kept after them),
 * then Norfolk 2023, whose certificate keeps the checkpoint of the whole log up to itself.
 * Cleveland's stream holds positions 4 and 27–37; Harbour's £187,229.00 commitment is one of 34–36.
 */
const fixture = (name: string): string => resolve(__dirname, '../fixtures', name);
const CLEVELAND = 'award-dapi21-cleveland';

describe('an audit trail that holds against an insider', () => {
  const directory = mkdtempSync(join(tmpdir(), 'fundledger-attacks-'));
  const honest = join(directory, 'honest.sqlite');
  const earlier = join(directory, 'earlier-checkpoint.json');
  const cli = (file: string, ...args: string[]): Promise<CliRun> => runBuiltCli(['--db', file, ...args], { cwd: directory });
  let harbour: number;

  beforeAll(async () => {
    expect((await cli(honest, 'import', fixture('national-2021.json'), fixture('cleveland-2021.json'))).code).toBe(0);
    expect((await cli(honest, 'checkpoint', '--output', earlier)).code).toBe(0);
    expect((await cli(honest, 'import', fixture('norfolk-2023.json'))).code).toBe(0);
    expect((await cli(honest, 'export-log', join(directory, 'log.jsonl'))).code).toBe(0);
    const lines = readFileSync(join(directory, 'log.jsonl'), 'utf8').trim().split('\n');
    const events = lines.map((line) => JSON.parse(line) as { event?: { position: string; data: { amount?: string } } });
    harbour = Number(events.find((line) => line.event?.data.amount === '187229.00')!.event!.position);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** A copy of the honest file, tampered with by `attack`. */
  const tampered = (name: string, attack: (insider: Insider) => void): string => {
    const file = join(directory, `${name}.sqlite`);
    copyFileSync(honest, file);
    const insider = new Insider(file);
    try {
      attack(insider);
    } finally {
      insider.close();
    }
    return file;
  };

  describe('the honest log', () => {
    it('verifies, and is consistent with the checkpoint kept before it grew', async () => {
      expect((await cli(honest, 'verify')).code).toBe(0);
      const run = await cli(honest, 'verify', '--checkpoint', earlier);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^checkpoint: 37 events, root [0-9a-f]{64}, key [0-9a-f]{64}: signature holds, the log still begins with it/m);
    });

    it('verifies against the checkpoint kept with Norfolk\'s certificate', async () => {
      const run = await cli(honest, 'verify', '--certificate', 'norfolk-change-2023', '1');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^checkpoint: 41 events, root [0-9a-f]{64}/m);
    });
  });

  const attacks: ReadonlyArray<{ name: string; attack: (insider: Insider) => void; plainVerifyCatches: boolean; against: RegExp }> = [
    {
      name: '(a) an amount edited in place',
      attack: (insider) => insider.editData(harbour, 'amount', '87229.00'),
      plainVerifyCatches: true,
      against: /ROOT_MISMATCH|HASH_MISMATCH/,
    },
    {
      name: "(b) an amount edited and the stream's chain and the Merkle tree recomputed",
      attack: (insider) => {
        insider.editData(harbour, 'amount', '87229.00');
        insider.rechain(CLEVELAND);
        insider.rebuildTree();
      },
      plainVerifyCatches: false,
      against: /^DIVERGED first at the log: ROOT_MISMATCH/,
    },
    {
      name: "(c) a stream's last three events deleted and the tree rebuilt",
      attack: (insider) => {
        expect(insider.deleteEvents('stream = ? AND revision >= 9', CLEVELAND)).toBe(3);
        insider.rebuildTree();
      },
      plainVerifyCatches: false,
      against: /^DIVERGED first at position \d+: EVENTS_MISSING_BEFORE_CHECKPOINT: .* 3 event\(s\) removed/,
    },
    {
      name: '(d) a whole stream deleted and the tree rebuilt',
      attack: (insider) => {
        expect(insider.deleteEvents("stream = 'award-dapi21-dorset'")).toBeGreaterThan(0);
        insider.rebuildTree();
      },
      plainVerifyCatches: false,
      against: /^DIVERGED first at position \d+: EVENTS_MISSING_BEFORE_CHECKPOINT/,
    },
    {
      name: '(e) two events of a stream reordered',
      attack: (insider) => insider.swap(35, 36),
      plainVerifyCatches: true,
      against: /PREV_HASH_MISMATCH|ROOT_MISMATCH/,
    },
  ];

  describe.each(attacks)('$name', ({ name, attack, plainVerifyCatches, against }) => {
    let file: string;
    beforeAll(() => {
      file = tampered(name.replace(/\W+/g, '-'), attack);
    });

    it(plainVerifyCatches ? 'is caught by plain verify' : 'passes plain verify: the file agrees with itself', async () => {
      const run = await cli(file, 'verify');
      expect(run.code).toBe(plainVerifyCatches ? 1 : 0);
      if (plainVerifyCatches) expect(run.stdout).toMatch(/^DIVERGED first at award-dapi21-cleveland at revision \d+: (HASH|PREV_HASH)_MISMATCH/);
    });

    it('is caught by verify --checkpoint with the checkpoint kept before, at its first point of divergence', async () => {
      const run = await cli(file, 'verify', '--checkpoint', earlier);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(against);
      expect(run.stdout).toMatch(/the log NO LONGER begins with it/);
    });

    it("is caught by verify --certificate against Norfolk's certificate", async () => {
      const run = await cli(file, 'verify', '--certificate', 'norfolk-change-2023', '1');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^DIVERGED first at /);
    });
  });

  it('is caught by verify --certificate when the insider also removes the kept checkpoints', async () => {
    const file = tampered('forgotten', (insider) => {
      insider.editData(harbour, 'amount', '87229.00');
      insider.rechain(CLEVELAND);
      insider.rebuildTree();
      insider.forgetKeptCheckpoints();
    });
    const run = await cli(file, 'verify', '--certificate', 'norfolk-change-2023', '1');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DIVERGED first at position 41: CHECKPOINT_NOT_KEPT/);
  });
});
