import type { JsonValue } from '@fundledger/event-store';

/** A command the ledger refused, or could not run: enough to find it in the script and to act on it. */
export interface CommandRejection {
  readonly index: number;
  readonly commandId: string;
  readonly type: string;
  readonly code: string;
  readonly message: string;
  /** The figures or fields that explain the refusal, when the error carries them. */
  readonly details?: JsonValue;
}

export interface ImportCounts {
  readonly commands: number;
  readonly applied: number;
  /** Answered from the log: the command was recorded by an earlier import (or request) and wrote nothing now. */
  readonly alreadyApplied: number;
  readonly rejected: number;
}

export interface ScriptOutcome extends ImportCounts {
  readonly file: string;
  readonly description: string;
  readonly rejections: readonly CommandRejection[];
  /** The publication's own inconsistencies, as the script records them: surfaced, never papered over. */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface ImportSummary {
  readonly files: readonly ScriptOutcome[];
  readonly total: ImportCounts;
  /** The log's head after the import, or null when it is empty. */
  readonly headPosition: string | null;
}

const counts = ({ applied, alreadyApplied, rejected }: ImportCounts): string =>
  `applied ${applied}, already applied ${alreadyApplied}, rejected ${rejected}`;

/** The summary for people, one line each; `--json` prints the ImportSummary itself. */
export const importSummaryLines = (summary: ImportSummary): string[] => {
  const lines: string[] = [];
  for (const outcome of summary.files) {
    lines.push(`${outcome.file}: ${counts(outcome)} (of ${outcome.commands} commands)`);
    for (const warning of outcome.warnings) lines.push(`  warning: ${warning}`);
    if (outcome.rejections.length > 0) lines.push('  rejected:');
    for (const { commandId, type, code, message } of outcome.rejections) {
      lines.push(`    ${commandId} ${type} ${code}: ${message}`);
    }
    if (outcome.notes.length > 0) lines.push('  Published inconsistencies noted by the script:');
    for (const note of outcome.notes) lines.push(`    - ${note}`);
  }
  lines.push(`total: ${counts(summary.total)} (of ${summary.total.commands} commands)`);
  lines.push(`log head position: ${summary.headPosition ?? 'none (the log is empty)'}`);
  return lines;
};
