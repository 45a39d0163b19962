import { writeFileSync } from 'node:fs';
import { LogAuditor, type Checkpoint } from '@fundledger/audit';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import {
  certificateToJson,
  formatFigure,
  readCertificate,
  renderCertificatePdf,
  type CertificateReading,
} from '@fundledger/reporting';
import { Command, Option } from 'commander';
import { readAwardRecord } from './award-record.read';
import { print, withSession } from './cli.session';
import { checkAsAtOptions, type AsAtOptions } from './report.command';

interface CertificateOptions extends AsAtOptions {
  readonly award: string;
  readonly index?: string;
  readonly pdf?: string;
  readonly format: 'text' | 'json';
}

const USAGE_EXIT_CODE = 2;

const describe = (reading: CertificateReading, checkpoint: Checkpoint | null): string[] => {
  const { certificate, status } = reading;
  const { data } = certificate;
  return [
    `Certificate ${certificate.index} of award ${reading.awardId}: decision ${data.decisionRef}, basis (${data.basis})`,
    `Certified on ${data.certifiedOn} by ${data.officer.name}, at stream revision ${data.atRevision}`,
    `Figures sha256 ${data.figuresHash}${status.figuresHashVerified ? '' : ' (DOES NOT MATCH the figures recorded)'}`,
    status.status === 'current'
      ? `Status: current at revision ${status.asAtRevision}`
      : `Status: STALE at revision ${status.asAtRevision}: ${status.eventsSince.length} financial event(s) since`,
    ...status.eventsSince.map((e) => `  revision ${e.revision} ${e.recordedAt} ${e.type}: ${e.summary}`),
    ...status.changes.map((c) => `  ${c.label}: ${formatFigure(c.before)} -> ${formatFigure(c.after)}`),
    checkpoint === null
      ? 'No ledger checkpoint is kept for this certificate: verify --certificate cannot anchor to it'
      : `Issued on the ledger checkpoint of ${checkpoint.treeSize} events, root ${checkpoint.rootHash} (verify --certificate ${reading.awardId} ${certificate.index})`,
  ];
};

export const certificateCommand = (): Command =>
  new Command('certificate')
    .description("show a Section 151 certificate of an award and whether it is still current; --pdf prints it")
    .requiredOption('--award <id>', 'the award')
    .option('--index <n>', 'which certificate, 1 for the first issued (default: the latest)')
    .option('--pdf <file>', 'also write the certificate as a PDF to this file')
    .option('--as-at <time>', 'as the award stood at this instant (ISO-8601 with a time zone)')
    .option('--position <n>', 'as the award stood at this log position')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: CertificateOptions, command: Command) => {
      checkAsAtOptions(command, options);
      if (options.index !== undefined && !/^[1-9][0-9]{0,5}$/.test(options.index)) {
        command.error(`fundledger: --index must be a certificate number like 1; got '${options.index}'`, { exitCode: USAGE_EXIT_CODE });
      }
      return withSession(command, async ({ app }) => {
        const record = await readAwardRecord(app.get<EventStore>(EVENT_STORE), options.award, options);
        const issued = record.certificates.length;
        if (issued === 0) throw new Error(`award ${options.award} has no certificate`);
        const index = options.index === undefined ? issued : Number(options.index);
        const reading = readCertificate(record, index);
        if (reading === undefined) throw new Error(`award ${options.award} has no certificate ${index} (${issued} issued)`);
        const checkpoint = (await app.get(LogAuditor).keptCheckpointAt(BigInt(reading.certificate.position))) ?? null;
        if (options.format === 'json') print(JSON.stringify({ ...certificateToJson(reading), checkpoint }, null, 2));
        else describe(reading, checkpoint).forEach((line) => print(line));
        if (options.pdf !== undefined) {
          writeFileSync(options.pdf, await renderCertificatePdf(reading, record.view, checkpoint ?? undefined));
          process.stderr.write(`fundledger: certificate ${index} written to ${options.pdf}\n`);
        }
      });
    });
