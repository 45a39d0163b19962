import { dirname, resolve } from 'node:path';
import type { EventStore } from '@fundledger/event-store';
import { awardStreamName, programmeStreamName } from '@fundledger/funding';
import { CommandScriptError, readCommandScript, type CommandScript, type ScriptCommand } from './command-script';

/**
 * Warnings for scripts whose `requires` will not have run when they do: the required script is not
 * given before them on this command line and its first command is not in the log. Checked before the
 * import writes anything. A warning, not a refusal: the ledger itself refuses what it cannot apply.
 */
export const requirementWarnings = async (
  scripts: readonly CommandScript[],
  store: EventStore,
): Promise<Map<CommandScript, string[]>> => {
  const warnings = new Map<CommandScript, string[]>();
  for (const [position, script] of scripts.entries()) {
    const runBefore = new Set(scripts.slice(0, position).map((earlier) => resolve(earlier.path)));
    const runAfter = new Set(scripts.slice(position + 1).map((later) => resolve(later.path)));
    for (const required of script.requires) {
      const requiredPath = resolve(dirname(script.path), required);
      if (runBefore.has(requiredPath)) continue;
      const notBefore = runAfter.has(requiredPath)
        ? `requires ${required}, which is given after it (files run in the order given)`
        : `requires ${required}, which is not given before it`;
      const warning = await checkInStore(notBefore, requiredPath, store);
      if (warning !== undefined) warnings.set(script, [...(warnings.get(script) ?? []), warning]);
    }
  }
  return warnings;
};

const checkInStore = async (notGiven: string, path: string, store: EventStore): Promise<string | undefined> => {
  let first: ScriptCommand;
  try {
    first = readCommandScript(path).commands[0];
  } catch (error) {
    const reason = error instanceof CommandScriptError ? error.message : String(error);
    return `${notGiven} and could not be read to check the log (${reason})`;
  }
  const stream = streamOf(first);
  if (stream !== undefined && (await isRecorded(store, stream, first.commandId))) return undefined;
  return `${notGiven} and whose first command (${first.commandId}) is not in the log; import it first`;
};

const streamOf = ({ type, body }: ScriptCommand): string | undefined => {
  if (type === 'OpenProgramme') return typeof body.programmeId === 'string' ? programmeStreamName(body.programmeId) : undefined;
  return typeof body.awardId === 'string' ? awardStreamName(body.awardId) : undefined;
};

const isRecorded = async (store: EventStore, stream: string, commandId: string): Promise<boolean> => {
  for await (const event of store.readStream(stream)) {
    if (event.metadata.commandId === commandId) return true;
  }
  return false;
};
