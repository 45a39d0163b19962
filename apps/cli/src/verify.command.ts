import { readFileSync } from 'node:fs';
import { LogAuditor, parseCheckpoint, readPublicKey, type Checkpoint, type VerifyingKey, type VerifyReport } from '@fundledger/audit';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { readAwardRecord, readCertificate } from '@fundledger/reporting';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { verifyReportLines } from './verify-report.text';

interface VerifyOptions {
  readonly checkpoint?: string;
  readonly certificate?: string[];
  readonly publicKey?: string;
  readonly format: 'text' | 'json';
}

const USAGE_EXIT_CODE = 2;

const readJsonFile = (path: string, what: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${what} ${path} could not be read as JSON: ${(error as Error).message}`);
  }
};

/**
 * Every stream's hash chain and revision sequence, and the Merkle root the events make against the one
 * the store keeps; given a checkpoint (a file, or the one a certificate pins), its signature and that
 * the log still begins with exactly its events. Exit code 1, with the first point of divergence.
 */
export const verifyCommand = (): Command =>
  new Command('verify')
    .description('check the log: every hash chain and, against a kept checkpoint, that nothing recorded by then has changed')
    .option('--checkpoint <file>', 'a checkpoint file kept earlier (cli checkpoint --output, GET /audit/checkpoint)')
    .option('--certificate <award-and-index...>', "the checkpoint a certificate pins: --certificate <award> <index>")
    .option('--public-key <file>', "check the checkpoint's signature with this public key (PEM) instead of the service's own")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: VerifyOptions, command: Command) => {
      const certificate = options.certificate;
      if (certificate !== undefined && (certificate.length !== 2 || !/^[1-9][0-9]{0,5}$/.test(certificate[1]!))) {
        command.error(`fundledger: --certificate takes an award and a certificate number, e.g. --certificate norfolk-change-2023 1`, {
          exitCode: USAGE_EXIT_CODE,
        });
      }
      if (certificate !== undefined && (options.checkpoint !== undefined || options.publicKey !== undefined)) {
        command.error('fundledger: --certificate uses the checkpoint kept with it: give no --checkpoint or --public-key', { exitCode: USAGE_EXIT_CODE });
      }
      return withSession(command, async ({ app }) => {
        const auditor = app.get(LogAuditor);
        const key: VerifyingKey | undefined =
          options.publicKey === undefined ? undefined : readPublicKey(readFileSync(options.publicKey, 'utf8'));
        let report: VerifyReport;
        if (certificate !== undefined) {
          const [award, index] = certificate as [string, string];
          const { record } = await readAwardRecord(app.get<EventStore>(EVENT_STORE), award, {});
          const reading = readCertificate(record, Number(index));
          if (reading === undefined) throw new Error(`award ${award} has no certificate ${index}`);
          report = await auditor.verifyAgainstKept(BigInt(reading.certificate.position), `certificate ${index} of ${award}`);
        } else {
          const checkpoint: Checkpoint | undefined =
            options.checkpoint === undefined ? undefined : parseCheckpoint(readJsonFile(options.checkpoint, 'the checkpoint file'));
          report = await auditor.verify(checkpoint, key);
        }
        if (options.format === 'json') print(JSON.stringify(report, null, 2));
        else verifyReportLines(report).forEach((line) => print(line));
        if (!report.ok) process.exitCode = 1;
      });
    });
