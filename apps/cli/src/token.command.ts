import {
  AccessTokenService,
  AuthConfig,
  ROLES,
  TokenLifetimeTooLong,
  isRole,
  loadAuthConfig,
  loadSigningSecret,
  parseTokenLifetime,
  readOrganisationClaim,
} from '@fundledger/access';
import type { Environment } from '@fundledger/event-store';
import { ConfigModule } from '@nestjs/config';
import { Command } from 'commander';
import type { CliGlobalOptions } from './cli.config';
import { localUser, print } from './cli.session';

/** A usage error, as commander reports its own: scripts tell it apart from a failure (exit 1). */
const USAGE_EXIT_CODE = 2;

interface TokenOptions {
  readonly role?: string;
  readonly org?: string;
  readonly sub?: string;
  readonly expiresIn: string;
}

/** The secret and lifetime limit the API uses: the same environment, with `--db` standing for FUNDLEDGER_DB. */
export const tokenAuthConfig = (env: Environment, options: CliGlobalOptions): AuthConfig =>
  loadAuthConfig(options.db === undefined ? env : { ...env, FUNDLEDGER_DB: options.db });

const readTokenAuthConfig = async (options: CliGlobalOptions): Promise<AuthConfig> => {
  let config: AuthConfig | undefined;
  await ConfigModule.forRoot({
    validate: (env) => {
      config = tokenAuthConfig(env, options);
      return env;
    },
  });
  if (config === undefined) throw new Error('@nestjs/config did not run the validation');
  return config;
};

export const tokenCommand = (): Command =>
  new Command('token')
    .description('print a bearer token for local use (sign-in for the HTTP API on this machine)')
    .option('--role <role>', `the token's role: ${ROLES.join(', ')}`)
    .option('--org <ids>', 'the organisation(s) it acts for, as the ledger names funders and recipients: ID[,ID…]; * for an auditor of the whole ledger')
    .option('--sub <name>', "who the token speaks for (recorded as the actor of each command); default: the OS user")
    .option('--expires-in <duration>', 'lifetime: 30m, 8h, 2d or seconds, at most FUNDLEDGER_TOKEN_MAX_LIFETIME (12h)', '8h')
    .action(async (options: TokenOptions, command: Command) => {
      const usage = (message: string): never => command.error(`fundledger: ${message}`, { exitCode: USAGE_EXIT_CODE });
      if (!isRole(options.role)) {
        usage(`${options.role === undefined ? 'no --role given' : `unknown role '${options.role}'`}; valid roles are ${ROLES.join(', ')}`);
        return;
      }
      const orgs = readOrganisationClaim(options.org?.split(',').map((id) => id.trim()) ?? [], options.role);
      if ('problem' in orgs) {
        usage(`--org: the token ${orgs.problem}${options.org === undefined ? '; give --org ID[,ID…]' : ''}`);
        return;
      }
      try {
        parseTokenLifetime(options.expiresIn);
      } catch (error) {
        usage(`--expires-in: ${(error as Error).message}`);
      }
      const sub = options.sub?.trim() || localUser();
      const config = await readTokenAuthConfig(command.optsWithGlobals<CliGlobalOptions>());
      if (config.secret.kind === 'ephemeral') {
        process.stderr.write(
          'fundledger: warning: the store is :memory:, so this token is signed with a secret that ends with this process\n',
        );
      }
      const secret = loadSigningSecret(config.secret, (warning) => process.stderr.write(`fundledger: warning: ${warning}\n`));
      const tokens = new AccessTokenService(secret, config.maxTokenLifetimeSeconds);
      try {
        print(tokens.issue({ id: sub, role: options.role, orgs: orgs.orgs }, { expiresIn: options.expiresIn }));
      } catch (error) {
        if (error instanceof TokenLifetimeTooLong) usage(`--expires-in: ${error.message}`);
        throw error;
      }
    });
