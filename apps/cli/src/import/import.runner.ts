import {
  CommandIdReusedError,
  ConcurrencyConflictError,
  hashCommandBody,
  type Actor,
  type CommandEnvelope,
  type EventStore,
  type JsonValue,
} from '@fundledger/event-store';
import { isFundingError, parseFundingCommand } from '@fundledger/funding';
import { RecordFundingCommand, type CommandReceipt } from '@fundledger/funding/application';
import type { CommandBus } from '@nestjs/cqrs';
import type { CommandScript, ScriptCommand } from './command-script';
import type { ImportProgress } from './import.progress';
import type { CommandRejection, ImportCounts, ImportSummary, ScriptOutcome } from './import.summary';
import { requirementWarnings } from './required-scripts';

export interface ImportDependencies {
  readonly commandBus: CommandBus;
  readonly store: EventStore;
  /** Recorded on every event the import writes. */
  readonly actor: Actor;
  readonly progress: ImportProgress;
  /** Runs after each command recorded (or replayed): the CLI keeps the checkpoint a document pins. */
  readonly afterRecorded?: (receipt: CommandReceipt) => Promise<void>;
}

type CommandResult = 'applied' | 'already-applied' | CommandRejection;

/**
 * Runs the scripts in the order given, every command through the same parse and command bus as an HTTP
 * request, so an import records exactly what the API would. A refused command is reported and the
 * import goes on: the summary lists every refusal, not only the first.
 */
export const runImport = async (scripts: readonly CommandScript[], deps: ImportDependencies): Promise<ImportSummary> => {
  const warnings = await requirementWarnings(scripts, deps.store);
  deps.progress.start(scripts.reduce((sum, script) => sum + script.commands.length, 0));
  const files: ScriptOutcome[] = [];
  try {
    for (const script of scripts) {
      const results: CommandResult[] = [];
      for (const command of script.commands) {
        results.push(await runCommand(script, command, deps));
        deps.progress.advance(script.name);
      }
      files.push(outcomeOf(script, results, warnings.get(script) ?? []));
    }
  } finally {
    deps.progress.stop();
  }
  const head = await deps.store.headPosition();
  return { files, total: totalOf(files), headPosition: head < 0n ? null : head.toString() };
};

const runCommand = async (script: CommandScript, command: ScriptCommand, deps: ImportDependencies): Promise<CommandResult> => {
  const { index, commandId, type, body } = command;
  const reject = (code: string, message: string, details?: JsonValue): CommandRejection => ({
    index,
    commandId,
    type,
    code,
    message,
    ...(details === undefined ? {} : { details }),
  });

  const envelope: CommandEnvelope = {
    commandId,
    commandHash: hashCommandBody(type, body),
    actor: deps.actor,
    correlationId: `import:${script.name}`,
  };
  try {
    const receipt = await deps.commandBus.execute(new RecordFundingCommand(parseFundingCommand(type, body), envelope));
    await deps.afterRecorded?.(receipt);
    return receipt.replayed ? 'already-applied' : 'applied';
  } catch (error) {
    if (isFundingError(error)) return reject(error.code, error.message, error.details);
    if (error instanceof CommandIdReusedError || error instanceof ConcurrencyConflictError) {
      return reject(error.code, error.message);
    }
    // Anything else (the store gone, a bug) is not the command's fault: stop rather than report it as refused.
    throw error;
  }
};

const outcomeOf = (script: CommandScript, results: readonly CommandResult[], warnings: string[]): ScriptOutcome => {
  const rejections = results.filter((result): result is CommandRejection => typeof result === 'object');
  return {
    file: script.name,
    description: script.description,
    commands: results.length,
    applied: results.filter((result) => result === 'applied').length,
    alreadyApplied: results.filter((result) => result === 'already-applied').length,
    rejected: rejections.length,
    rejections,
    notes: script.notes,
    warnings,
  };
};

const totalOf = (files: readonly ImportCounts[]): ImportCounts =>
  files.reduce(
    (sum, file) => ({
      commands: sum.commands + file.commands,
      applied: sum.applied + file.applied,
      alreadyApplied: sum.alreadyApplied + file.alreadyApplied,
      rejected: sum.rejected + file.rejected,
    }),
    { commands: 0, applied: 0, alreadyApplied: 0, rejected: 0 },
  );
