import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ukDateOf } from '@fundledger/calendar';
import { EVENT_SCHEMA_VERSION, type JsonObject, type RecordedEvent } from '@fundledger/event-store';
import {
  awardStreamName,
  decideAward,
  decideProgramme,
  evolveAward,
  evolveProgramme,
  initialAwardState,
  initialProgrammeState,
  isFundingCommandType,
  FundingError,
  isProgrammeCommand,
  parseFundingCommand,
  programmeStreamName,
  type AwardState,
  type FundingCommand,
  type ProgrammeState,
} from '@fundledger/funding';
import { figuresContextFor, foldAwardRecord, needsFiguresContext } from '@fundledger/reporting';

/**
 * Turns command scripts (the format of fixtures/) into the events a store would hold, without a store:
 * each command is parsed and decided by the domain exactly as the handler would, and its events are
 * wrapped in RecordedEvent envelopes with fixed ids, positions and times, so read-side specs can fold
 * real histories deterministically. Command types this version does not know are listed as skipped;
 * a retried commandId writes nothing, as in the service. Every command is decided on the day it is
 * recorded (the UK date of its recordedAt), which is the 'today' its business date may not be after.
 */

/** A command as in a script, without its commandId (use this, not Omit<FixtureCommand, …>, which loses `type`). */
export interface FixtureCommandBody {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface FixtureCommand extends FixtureCommandBody {
  readonly commandId: string;
}

export interface FixtureScript {
  readonly description?: string;
  readonly requires?: readonly string[];
  readonly commands: readonly FixtureCommand[];
}

export interface FixtureEventsOptions {
  /** Global position of the first event; default 1. */
  readonly firstPosition?: bigint;
  /** recordedAt of the first command's events; each later command is `stepMs` later. */
  readonly startAt?: string;
  readonly stepMs?: number;
  readonly actor?: { readonly id: string; readonly role: string };
  /**
   * 'throw' (default): a command the domain refuses fails the whole script, as a fixture must not.
   * 'skip': the refusal is listed in `rejected` and nothing is written, as in the service; for
   * generated histories, whose commands are only sometimes allowed.
   */
  readonly rejections?: 'throw' | 'skip';
}

export interface SkippedCommand {
  readonly commandId: string;
  readonly type: string;
  readonly reason: string;
}

export interface FixtureRecorder {
  /** Decides one command against everything recorded so far; answers the events it recorded. */
  record(command: FixtureCommand): RecordedEvent[];
  readonly events: readonly RecordedEvent[];
  readonly skipped: readonly SkippedCommand[];
  readonly rejected: readonly SkippedCommand[];
  /** The award as decided so far, to shape the next generated command. */
  awardState(awardId: string): AwardState;
}

type Decision = { readonly stream: string; readonly events: ReadonlyArray<{ type: string; data: unknown }> };

export const FIXTURE_START_AT = '2024-04-01T09:00:00.000Z';

export function fixtureRecorder(options: FixtureEventsOptions = {}): FixtureRecorder {
  const awards = new Map<string, AwardState>();
  const programmes = new Map<string, ProgrammeState>();
  const revisions = new Map<string, bigint>();
  const seen = new Set<string>();
  const events: RecordedEvent[] = [];
  const skipped: SkippedCommand[] = [];
  const rejected: SkippedCommand[] = [];
  let position = options.firstPosition ?? 1n;
  let tick = 0;
  const start = Date.parse(options.startAt ?? FIXTURE_START_AT);
  const step = options.stepMs ?? 1000;
  const actor = options.actor ?? { id: 'fixture-import', role: 'finance-officer' };

  /** Decides and folds the decided events into the recorder's states; writes nothing when refused. */
  const decide = (command: FundingCommand): Decision => {
    // Decided on the day it is recorded, as the handler does.
    const today = ukDateOf(new Date(start + step * tick));
    if (isProgrammeCommand(command)) {
      const state = programmes.get(command.programmeId) ?? initialProgrammeState;
      const events = decideProgramme(state, command, { today });
      programmes.set(command.programmeId, events.reduce(evolveProgramme, state));
      return { stream: programmeStreamName(command.programmeId), events };
    }
    const state = awards.get(command.awardId) ?? initialAwardState;
    const stream = awardStreamName(command.awardId);
    // Certificates and returns pin figures computed from the award's stream, as the command handler does.
    const figures =
      command.type === 'MakeAward' && command.programmeId !== undefined
        ? { programme: programmes.get(command.programmeId) ?? initialProgrammeState }
        : needsFiguresContext(command)
          ? figuresContextFor(command, foldAwardRecord(events.filter((event) => event.stream === stream)))
          : {};
    const decided = decideAward(state, command, { today, ...figures });
    awards.set(command.awardId, decided.reduce(evolveAward, state));
    return { stream, events: decided };
  };

  const record = (entry: FixtureCommand): RecordedEvent[] => {
    const { commandId, type, ...body } = entry;
    if (seen.has(commandId)) return [];
    if (!isFundingCommandType(type)) {
      skipped.push({ commandId, type, reason: `${type} is not supported by this version` });
      return [];
    }
    let decision: Decision;
    try {
      decision = decide(parseFundingCommand(type, body));
    } catch (error) {
      if (options.rejections !== 'skip' || !(error instanceof FundingError)) throw error;
      rejected.push({ commandId, type, reason: error.message });
      return [];
    }
    seen.add(commandId);
    const { stream, events: decided } = decision;
    const recordedAt = new Date(start + step * tick++).toISOString();
    const recorded = decided.map((event, i): RecordedEvent => {
      const revision = revisions.has(stream) ? revisions.get(stream)! + 1n : 0n;
      revisions.set(stream, revision);
      return {
        id: `${commandId}#${i}`,
        stream,
        type: event.type,
        // Through JSON, as a store would hand it back: no undefined fields, no shared references.
        data: JSON.parse(JSON.stringify(event.data)) as JsonObject,
        metadata: { commandId, correlationId: commandId, causationId: commandId, actor, recordedAt, schemaVersion: EVENT_SCHEMA_VERSION },
        revision,
        position: position++,
        recordedAt,
      };
    });
    events.push(...recorded);
    return recorded;
  };

  const awardState = (awardId: string): AwardState => awards.get(awardId) ?? initialAwardState;
  return { record, events, skipped, rejected, awardState };
}

/** All the events of the scripts, in order, as one log. */
export function fixtureEvents(
  scripts: readonly FixtureScript[],
  options: FixtureEventsOptions = {},
): { events: RecordedEvent[]; skipped: SkippedCommand[] } {
  const recorder = fixtureRecorder(options);
  for (const script of scripts) for (const command of script.commands) recorder.record(command);
  return { events: [...recorder.events], skipped: [...recorder.skipped] };
}

/**
 * The fixtures folder: $FUNDLEDGER_FIXTURES, else fixtures/ at the repository root (DESIGN §7), which
 * test/fixtures-copy.spec.ts compares with the originals wherever they are laid beside the clone.
 */
export function fixturesDirectory(): string {
  const dir = process.env.FUNDLEDGER_FIXTURES || resolve(__dirname, '../../../fixtures');
  if (!existsSync(join(dir, 'national-2021.json'))) {
    throw new Error(`no fixtures in ${dir}: set FUNDLEDGER_FIXTURES to the folder of the command scripts`);
  }
  return dir;
}

/** A fixture script's path, e.g. fixturePath('cleveland-2021') */
export const fixturePath = (name: string): string => join(fixturesDirectory(), `${name}.json`);

/** e.g. loadFixtureScript('cleveland-2021') */
export function loadFixtureScript(name: string): FixtureScript {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as FixtureScript;
}
