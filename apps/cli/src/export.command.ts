import { writeFileSync } from 'node:fs';
import { ConfigurationError, EVENT_STORE, type EventStore } from '@fundledger/event-store';
import { LogLedgerReader } from '@fundledger/projections';
import {
  DEFAULT_PUBLISHER_PREFIX,
  ThreeSixtyGivingExportError,
  checkPublisherPrefix,
  threeSixtyGivingCsv,
  threeSixtyGivingPackage,
  type ThreeSixtyGivingOptions,
} from '@fundledger/reporting';
import { Command, Option } from 'commander';
import { print, withSession } from './cli.session';

interface ThreeSixtyGivingCommandOptions {
  readonly format: 'json' | 'csv';
  readonly prefix?: string;
  readonly publisher?: string;
  readonly license?: string;
  readonly output?: string;
}

const fromFlagOrEnv = (flag: string | undefined, variable: string): string | undefined => {
  const value = flag ?? process.env[variable];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

/** Flags win over the environment (read after .env is loaded); a bad value names where it came from. */
const exportOptions = (options: ThreeSixtyGivingCommandOptions): ThreeSixtyGivingOptions => {
  const prefix = fromFlagOrEnv(options.prefix, 'FUNDLEDGER_360G_PREFIX') ?? DEFAULT_PUBLISHER_PREFIX;
  try {
    checkPublisherPrefix(prefix);
  } catch (error) {
    if (!(error instanceof ThreeSixtyGivingExportError)) throw error;
    const variable = options.prefix === undefined ? 'FUNDLEDGER_360G_PREFIX' : '--prefix';
    throw new ConfigurationError([{ variable, problem: error.message }]);
  }
  const publisher = fromFlagOrEnv(options.publisher, 'FUNDLEDGER_360G_PUBLISHER');
  const license = fromFlagOrEnv(options.license, 'FUNDLEDGER_360G_LICENSE');
  return {
    prefix,
    ...(publisher === undefined ? {} : { publisher: { name: publisher } }),
    ...(license === undefined ? {} : { license }),
  };
};

const threeSixtyGivingCommand = (): Command =>
  new Command('360giving')
    .description(
      'the grants recorded (awards received, grants committed out) as 360Giving open data: ' +
        'the JSON data package or the flat CSV with the standard\'s column titles',
    )
    .addOption(new Option('--format <format>', 'json (data package) or csv (grants sheet)').choices(['json', 'csv']).default('json'))
    .option('--prefix <prefix>', `your 360Giving publisher prefix (default: FUNDLEDGER_360G_PREFIX, else ${DEFAULT_PUBLISHER_PREFIX})`)
    .option('--publisher <name>', 'publisher name for the package metadata (default: FUNDLEDGER_360G_PUBLISHER)')
    .option('--license <uri>', 'URI of the licence the data is published under (default: FUNDLEDGER_360G_LICENSE)')
    .option('--output <file>', 'write to this file instead of standard output')
    .action((options: ThreeSixtyGivingCommandOptions, command: Command) =>
      withSession(command, async ({ app }) => {
        const exportWith = exportOptions(options);
        // The whole log as it stands, folded the one way every report folds it.
        const source = { ledger: (await new LogLedgerReader(app.get<EventStore>(EVENT_STORE)).current()).ledger() };
        const content =
          options.format === 'csv'
            ? threeSixtyGivingCsv(source, exportWith)
            : `${JSON.stringify(threeSixtyGivingPackage(source, exportWith), null, 2)}\n`;
        if (options.output === undefined) {
          process.stdout.write(content);
          return;
        }
        writeFileSync(options.output, content);
        print(`wrote the 360Giving ${options.format} export to ${options.output}`);
      }),
    );

export const exportCommand = (): Command =>
  new Command('export')
    .description('publish what the ledger records in an open data standard')
    .addCommand(threeSixtyGivingCommand());
