import type { SigningKeySource } from '@fundledger/audit';
import type { EventStoreConfig } from '@fundledger/event-store';
import { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { CliGlobalOptions, readCliConfig } from './cli.config';
import { CliModule } from './cli.module';

/**
 * stdout carries only a command's output, so it can be piped. Nest's warnings go to stderr; its error
 * logs are dropped because every error also rejects and main.ts reports it once, without a stack.
 */
class StderrLogger implements LoggerService {
  log(): void {}
  error(): void {}
  warn(message: unknown): void {
    process.stderr.write(`fundledger: warning: ${String(message)}\n`);
  }
}

/** Who is at the keyboard: the default actor for tokens and imports. */
export const localUser = (): string => {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
};

/** A command's output line. */
export const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export interface CliSession {
  readonly app: INestApplicationContext;
  readonly store: EventStoreConfig;
  readonly signingKey: SigningKeySource;
}

/**
 * Opens the application core for one command and closes it afterwards, whatever happens, so the
 * store is released (SQLite checkpoints its WAL) before the process exits.
 */
export const withSession = async <T>(command: Command, work: (session: CliSession) => Promise<T>): Promise<T> => {
  const { store, signingKey } = await readCliConfig(command.optsWithGlobals<CliGlobalOptions>());
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(store, signingKey), {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  try {
    return await work({ app, store, signingKey });
  } finally {
    await app.close();
  }
};
