import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBuiltCli } from './built-cli';

/**
 * An auditor's independent check: the exported log's root recomputed by test/recompute-root.py, which
 * knows only docs/audit-trail.md (Python's hashlib and json, none of the service's code), and the
 * checkpoint's signature checked by openssl against the key `public-key` printed.
 */
const SCRIPT = resolve(__dirname, 'recompute-root.py');

describe('export-log, checked with tools that are not the service', () => {
  const directory = mkdtempSync(join(tmpdir(), 'fundledger-export-'));
  const db = join(directory, 'ledger.sqlite');
  const log = join(directory, 'log.jsonl');
  const python = (...args: string[]) => spawnSync('python3', [SCRIPT, ...args], { encoding: 'utf8' });

  beforeAll(async () => {
    const fixtures = ['national-2021.json', 'cleveland-2021.json', 'norfolk-2023.json'].map((name) => resolve(__dirname, '../fixtures', name));
    expect((await runBuiltCli(['--db', db, 'import', ...fixtures], { cwd: directory })).code).toBe(0);
    expect((await runBuiltCli(['--db', db, 'export-log', log], { cwd: directory })).code).toBe(0);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes every event in log order with its ids, place, type, data and metadata, then the checkpoint', () => {
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    const events = lines.slice(0, -1).map((line) => line.event);
    expect(events).toHaveLength(41);
    expect(events.map((event) => Number(event.position))).toEqual([...events.map((event) => Number(event.position))].sort((a, b) => a - b));
    expect(Object.keys(events[0]).sort()).toEqual(['data', 'id', 'metadata', 'position', 'recordedAt', 'revision', 'stream', 'type']);
    expect(lines[lines.length - 1].checkpoint).toMatchObject({ treeSize: '41', lastPosition: events[40].position });
  });

  it('has the root a separate implementation of docs/audit-trail.md recomputes', () => {
    const run = python(log);
    const { checkpoint } = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').pop()!);
    expect(run.stdout.trim()).toBe(`41 ${checkpoint.rootHash}`);
    expect(run.status).toBe(0);
  });

  it('carries a checkpoint whose Ed25519 signature openssl accepts under the printed public key', async () => {
    const key = await runBuiltCli(['--db', db, 'public-key'], { cwd: directory });
    writeFileSync(join(directory, 'public.pem'), key.stdout);
    writeFileSync(join(directory, 'message'), python('--signed-message', log).stdout);
    const { checkpoint } = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').pop()!);
    writeFileSync(join(directory, 'signature'), Buffer.from(checkpoint.signature, 'base64'));
    const verified = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'public.pem', '-rawin', '-in', 'message', '-sigfile', 'signature'],
      { cwd: directory, encoding: 'utf8' },
    );
    expect(verified).toContain('Signature Verified Successfully');
  });

  it('stops matching its checkpoint when one figure in the export is changed', () => {
    const edited = join(directory, 'edited.jsonl');
    writeFileSync(edited, readFileSync(log, 'utf8').replace('"amount":"187229.00"', '"amount":"87229.00"'));
    expect(python(edited).status).toBe(1);
  });
});
