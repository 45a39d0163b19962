import { EVENT_STORE, EventStore, describeStoreLocation } from '@fundledger/event-store';
import { Command } from 'commander';
import { print, withSession } from './cli.session';

export const statusCommand = (): Command =>
  new Command('status')
    .description('show which event store is in use, where its data lives and how far its log goes')
    .action((_options: unknown, command: Command) =>
      withSession(command, async ({ app, store }) => {
        const head = await app.get<EventStore>(EVENT_STORE).headPosition();
        print(`store: ${store.kind}`);
        print(`location: ${describeStoreLocation(store)}`);
        print(`head position: ${head < 0n ? 'none (the log is empty)' : head.toString()}`);
      }),
    );
