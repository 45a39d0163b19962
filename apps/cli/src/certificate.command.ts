import { writeFileSync } from 'node:fs';
import { LogAuditor } from '@fundledger/audit';
import { EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { answeredAtOf, type ReadPointInput } from '@fundledger/projections';
import {
  certificateDocument,
  certificateToJson,
  readAwardRecord,
  readCertificate,
  renderCertificatePdf,
  renderDocumentText,
} from '@fundledger/reporting';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';
import { readPointOf, withReadPointOptions } from './read-point.options';

interface CertificateOptions extends ReadPointInput {
  readonly award: string;
  readonly index?: string;
  readonly pdf?: string;
  readonly format: 'text' | 'json';
}

const USAGE_EXIT_CODE = 2;

export const certificateCommand = (): Command =>
  withReadPointOptions(new Command('certificate'), 'the award')
    .description("show a Section 151 certificate of an award and whether it is still current; --pdf prints it")
    .requiredOption('--award <id>', 'the award')
    .option('--index <n>', 'which certificate, 1 for the first issued (default: the latest)')
    .option('--pdf <file>', 'also write the certificate as a PDF to this file')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: CertificateOptions, command: Command) => {
      const point = readPointOf(command, options);
      if (options.index !== undefined && !/^[1-9][0-9]{0,5}$/.test(options.index)) {
        command.error(`fundledger: --index must be a certificate number like 1; got '${options.index}'`, { exitCode: USAGE_EXIT_CODE });
      }
      return withSession(command, async ({ app }) => {
        const { record } = await readAwardRecord(app.get<EventStore>(EVENT_STORE), options.award, point);
        const last = record.events[record.events.length - 1];
        const answeredAt = answeredAtOf({ position: last.position.toString(), recordedAt: last.recordedAt }, point);
        const issued = record.certificates.length;
        if (issued === 0) throw new Error(`award ${options.award} has no certificate`);
        const index = options.index === undefined ? issued : Number(options.index);
        const reading = readCertificate(record, index);
        if (reading === undefined) throw new Error(`award ${options.award} has no certificate ${index} (${issued} issued)`);
        const checkpoint = (await app.get(LogAuditor).keptCheckpointAt(BigInt(reading.certificate.position))) ?? null;
        if (options.format === 'json') print(JSON.stringify({ answeredAt, ...certificateToJson(reading, record, checkpoint) }, null, 2));
        else renderDocumentText(certificateDocument(reading, record, checkpoint)).forEach((line) => print(line));
        if (options.pdf !== undefined) {
          writeFileSync(options.pdf, await renderCertificatePdf(reading, record, checkpoint));
          process.stderr.write(`fundledger: certificate ${index} written to ${options.pdf}\n`);
        }
      });
    });
