import {
  AccessTokenService,
  ROLES,
  SigningSecretSource,
  isRole,
  loadSigningSecret,
  loadSigningSecretSource,
  parseTokenLifetime,
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
  readonly sub?: string;
  readonly expiresIn: string;
}

/** The secret the API uses: the same environment, with `--db` standing for FUNDLEDGER_DB. */
export const tokenSecretSource = (env: Environment, options: CliGlobalOptions): SigningSecretSource =>
  loadSigningSecretSource(options.db === undefined ? env : { ...env, FUNDLEDGER_DB: options.db });

const readTokenSecretSource = async (options: CliGlobalOptions): Promise<SigningSecretSource> => {
  let source: SigningSecretSource | undefined;
  await ConfigModule.forRoot({
    validate: (env) => {
      source = tokenSecretSource(env, options);
      return env;
    },
  });
  if (source === undefined) throw new Error('@nestjs/config did not run the validation');
  return source;
};

/** Whoever runs the command, when --sub is not given: the actor recorded should be a person. */

export const tokenCommand = (): Command =>
  new Command('token')
    .description('print a bearer token for local use (sign-in for the HTTP API)')
    .option('--role <role>', `the token's role: ${ROLES.join(', ')}`)
    .option('--sub <name>', "who the token speaks for (recorded as the actor of each command); default: the OS user")
    .option('--expires-in <duration>', 'lifetime: 30m, 8h, 2d or seconds', '8h')
    .action(async (options: TokenOptions, command: Command) => {
      if (!isRole(options.role)) {
        const given = options.role === undefined ? 'no --role given' : `unknown role '${options.role}'`;
        command.error(`fundledger: ${given}; valid roles are ${ROLES.join(', ')}`, { exitCode: USAGE_EXIT_CODE });
      }
      try {
        parseTokenLifetime(options.expiresIn);
      } catch (error) {
        command.error(`fundledger: --expires-in: ${(error as Error).message}`, { exitCode: USAGE_EXIT_CODE });
      }
      const sub = options.sub?.trim() || localUser();
      const source = await readTokenSecretSource(command.optsWithGlobals<CliGlobalOptions>());
      if (source.kind === 'ephemeral') {
        process.stderr.write(
          'fundledger: warning: the store is :memory:, so this token is signed with a secret that ends with this process\n',
        );
      }
      const tokens = new AccessTokenService(loadSigningSecret(source));
      print(tokens.issue({ id: sub, role: options.role }, { expiresIn: options.expiresIn }));
    });
