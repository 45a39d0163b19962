import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { JsonObject } from '@fundledger/event-store';

/**
 * A command script (the format of fixtures/): what it records, where the figures were published, what
 * it assumed, the publication's own inconsistencies, and the commands in order. Reading checks the
 * file's shape only; each command's body is checked by the same parser the HTTP API uses, when it runs.
 */
export interface CommandScript {
  /** The path as given on the command line. */
  readonly path: string;
  /** The file's base name: what the summary shows and what `import:<name>` correlates. */
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly requires: readonly string[];
  readonly assumptions: readonly string[];
  readonly notes: readonly string[];
  readonly commands: readonly ScriptCommand[];
}

export interface ScriptCommand {
  /** 0-based place in the script's `commands`. */
  readonly index: number;
  readonly commandId: string;
  readonly type: string;
  /** The entry without `commandId` and `type`: an HTTP command body. */
  readonly body: JsonObject;
}

/** The file cannot be run as a script; says which file, and which command when it is one command's fault. */
export class CommandScriptError extends Error {
  constructor(
    readonly path: string,
    readonly problems: readonly string[],
  ) {
    super(`${path}:${problems.length === 1 ? ` ${problems[0]}` : `\n  ${problems.join('\n  ')}`}`);
    this.name = 'CommandScriptError';
  }
}

const SCRIPT_FIELDS = ['description', 'source', 'requires', 'assumptions', 'notes', 'commands'];

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const readCommandScript = (path: string): CommandScript => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CommandScriptError(path, [reason]);
  }
  return parseCommandScript(path, text);
};

/** Collects every shape problem in the file, so one run names them all. */
export const parseCommandScript = (path: string, text: string): CommandScript => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CommandScriptError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  if (!isObject(raw)) throw new CommandScriptError(path, [`must be a JSON object, got ${typeName(raw)}`]);

  const problems: string[] = [];
  for (const field of Object.keys(raw)) {
    if (!SCRIPT_FIELDS.includes(field)) problems.push(`unknown field ${field}; a script has ${SCRIPT_FIELDS.join(', ')}`);
  }
  const prose = (field: string): string => {
    const value = raw[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    problems.push(`${field} must be a non-empty string, got ${typeName(value)}`);
    return '';
  };
  const strings = (field: string): string[] => {
    const value = raw[field];
    if (value === undefined) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    problems.push(`${field} must be a list of strings`);
    return [];
  };
  const script = {
    path,
    name: basename(path),
    description: prose('description'),
    source: prose('source'),
    requires: strings('requires'),
    assumptions: strings('assumptions'),
    notes: strings('notes'),
    commands: readCommands(raw.commands, problems),
  };
  if (problems.length > 0) throw new CommandScriptError(path, problems);
  return script;
};

const readCommands = (raw: unknown, problems: string[]): ScriptCommand[] => {
  if (!Array.isArray(raw)) {
    problems.push(`commands must be a list, got ${typeName(raw)}`);
    return [];
  }
  const firstIndexOf = new Map<string, number>();
  const commands: ScriptCommand[] = [];
  raw.forEach((entry: unknown, index) => {
    const at = `commands[${index}]`;
    if (!isObject(entry)) {
      problems.push(`${at} must be an object, got ${typeName(entry)}`);
      return;
    }
    const { commandId, type, ...body } = entry;
    const named = typeof commandId === 'string' ? `${at} (commandId ${commandId})` : at;
    let valid = true;
    if (typeof commandId !== 'string' || commandId.trim() === '') {
      problems.push(`${at}: commandId must be a non-empty string, got ${typeName(commandId)}`);
      valid = false;
    } else if (firstIndexOf.has(commandId)) {
      // Re-importing must change nothing, so a second command under one id would be answered as a retry of the first.
      problems.push(`${named}: commandId is already used by commands[${firstIndexOf.get(commandId)}]`);
      valid = false;
    } else {
      firstIndexOf.set(commandId, index);
    }
    if (typeof type !== 'string' || type.trim() === '') {
      problems.push(`${named}: type must be a non-empty string, got ${typeName(type)}`);
      valid = false;
    }
    if (valid) commands.push({ index, commandId: commandId as string, type: type as string, body: body as JsonObject });
  });
  if (raw.length === 0) problems.push('commands is empty');
  return commands;
};
