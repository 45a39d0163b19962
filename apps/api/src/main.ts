import { ConfigurationError, describeStoreLocation } from '@fundledger/event-store';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { readApiConfig } from './config/api.config';

const bootstrap = async (): Promise<void> => {
  const config = await readApiConfig();
  const app = await createApp(config);
  // SIGTERM/SIGINT run the shutdown hooks, which close the store before the process exits.
  app.enableShutdownHooks();
  try {
    await app.listen(config.port, config.edge.host);
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = `http://${config.edge.host.includes(':') ? `[${config.edge.host}]` : config.edge.host}:${config.port}`;
  new Logger('Bootstrap').log(
    `fundledger listening on ${url} (docs ${url}/docs, health ${url}/health); ` +
      `${config.store.kind} event store at ${describeStoreLocation(config.store)}`,
  );
};

// An operator needs the one line that says what is wrong, not a stack trace.
bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError
      ? error.message
      : `fundledger failed to start: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
