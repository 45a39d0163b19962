import { describeSigningKeySource, LogAuditor, publicKeyPem } from '@fundledger/audit';
import { Command } from 'commander';
import { print, withSession } from './cli.session';

/** The checkpoint signing key's public half (SPKI PEM) and its id: what an auditor keeps to check checkpoints. */
export const publicKeyCommand = (): Command =>
  new Command('public-key')
    .description('print the public key that checkpoints are signed with (PEM), and its key id on stderr')
    .action((_options: unknown, command: Command) =>
      withSession(command, async ({ app, signingKey }) => {
        const key = app.get(LogAuditor).key();
        process.stderr.write(`fundledger: ${describeSigningKeySource(signingKey)}; key id ${key.keyId}\n`);
        print(publicKeyPem(key).trimEnd());
      }),
    );
