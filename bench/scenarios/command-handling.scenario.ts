import { join } from 'node:path';
import { SqliteEventStore } from '@fundledger/event-store';
import type { Scenario } from '../bench.types';
import { LatencyRecorder } from '../measure/latency.stats';
import { awardCommandsByRound, openProgrammeCommand } from '../workload/award-commands.workload';
import { commandPath } from '../workload/command-path';

const AWARDS = 250;
const ROUNDS = 20;

/**
 * Commands end to end on a file store, one at a time as a team's clicks and imports arrive: each
 * parses, reads its award's stream (and, for MakeAward, the programme's), decides with the real award
 * decider, hashes the chain and appends durably.
 */
export const commandHandlingScenario: Scenario = {
  name: 'commands',
  title: `commands end to end: ${AWARDS * ROUNDS} commands over ${AWARDS} awards through handleCommand`,
  async run({ workDir, memory }) {
    const store = SqliteEventStore.open({ path: join(workDir, 'commands.sqlite') });
    const record = commandPath(store);
    const latency = new LatencyRecorder();
    let events = 0;
    try {
      await record(openProgrammeCommand());
      for (const command of awardCommandsByRound(AWARDS, 0, ROUNDS)) {
        const receipt = await latency.time(() => record(command));
        if (receipt.replayed) throw new Error(`${command.commandId} was answered as a retry: the store was not empty`);
        events += receipt.events.length;
        if (latency.count % 250 === 0) memory.sample();
      }
    } finally {
      await store.close();
    }
    return [
      { scenario: this.name, measure: 'throughput', value: latency.count / latency.wallSeconds, unit: 'commands/s' },
      { scenario: this.name, measure: 'command p50', value: latency.percentileMs(50), unit: 'ms' },
      { scenario: this.name, measure: 'command p99', value: latency.percentileMs(99), unit: 'ms' },
      { scenario: this.name, measure: 'command max', value: latency.percentileMs(100), unit: 'ms' },
      { scenario: this.name, measure: 'events written', value: events, unit: 'events' },
    ];
  },
};
