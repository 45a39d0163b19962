import type { EventStore } from '../event-store.port';
import { checkChainLink, GENESIS_HASH, type ChainBreak } from './event-chain';

export interface LogVerification {
  readonly streams: number;
  readonly events: number;
  /** The first break of each broken stream, by stream name. */
  readonly breaks: ReadonlyArray<{ readonly stream: string; readonly chainBreak: ChainBreak }>;
}

/**
 * Every stream's hash chain (DESIGN §3), checked from its first event in one pass over the log: events
 * arrive in each stream's order, so each stream's last good hash is all that must be kept to check its
 * next link. The CLI's `verify` and the audit page both read it.
 */
export const verifyLog = async (store: EventStore, onEvent: (events: number) => void = () => undefined): Promise<LogVerification> => {
  const lastHash = new Map<string, string>();
  const firstBreak = new Map<string, ChainBreak>();
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    onEvent(events);
    if (firstBreak.has(event.stream)) continue;
    const link = checkChainLink(event, lastHash.get(event.stream) ?? GENESIS_HASH);
    if ('hash' in link) lastHash.set(event.stream, link.hash);
    else firstBreak.set(event.stream, link);
  }
  const streams = new Set([...lastHash.keys(), ...firstBreak.keys()]).size;
  const breaks = [...firstBreak.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([stream, chainBreak]) => ({ stream, chainBreak }));
  return { streams, events, breaks };
};
