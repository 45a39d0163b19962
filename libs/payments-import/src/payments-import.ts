import { isFundingError } from '@fundledger/funding';
import { CheckFundingCommands, RecordFundingCommand, type CommandReceipt, type CommandRefusal } from '@fundledger/funding/application';
import { CommandIdReusedError, ConcurrencyConflictError, type Actor } from '@fundledger/event-store';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import { paymentCommands, type RowCommand } from './payment-commands';
import type { PaymentCells, PaymentsFile } from './payments-file.reader';

export type CheckedResult = 'accepted' | 'already-recorded' | 'refused';
export type RecordedResult = 'recorded' | 'already-recorded' | 'refused';

export interface PaymentRowResult<R extends string> {
  readonly row: number;
  readonly cells: PaymentCells;
  /** The amount as the ledger reads it (2 dp), when the row has one. */
  readonly amount?: string;
  readonly result: R;
  readonly refusal?: CommandRefusal;
}

export interface PaymentsOutcome<R extends string> {
  readonly sha256: string;
  readonly awardId: string;
  readonly rows: ReadonlyArray<PaymentRowResult<R>>;
  readonly counts: Readonly<Record<R, number>>;
}

export interface PaymentsImportDependencies {
  readonly queries: QueryBus;
  readonly commands: CommandBus;
  /** Runs after each payment recorded (the apps keep the log's checkpoint, as for every command). */
  readonly afterRecorded?: (receipt: CommandReceipt) => Promise<void>;
}

/**
 * Every row as recording the file now would leave it, in the file's order, each decided as if the
 * earlier accepted rows were recorded (CheckFundingCommands); nothing is written.
 */
export const checkPayments = async (queries: QueryBus, file: PaymentsFile, awardId: string, actor: Actor): Promise<PaymentsOutcome<CheckedResult>> => {
  const rows = paymentCommands(file, awardId, actor);
  const sendable = rows.filter((row): row is Extract<RowCommand, { command: object }> => row.command !== undefined);
  const checks = await queries.execute(new CheckFundingCommands(sendable.map(({ command, envelope }) => ({ command, envelope }))));
  const checkOf = new Map(sendable.map((row, i) => [row.row.row, checks[i]]));
  return outcome(file, awardId, ['accepted', 'already-recorded', 'refused'], rows.map((row) => {
    const check = checkOf.get(row.row.row);
    if (check === undefined) return resultOf(row, 'refused', row.refusal);
    return resultOf(row, check.result, check.result === 'refused' ? check.refusal : undefined);
  }));
};

/**
 * Records the rows a check accepts, one command at a time through the command bus, so each is an
 * ordinary command: its own idempotency, its own revision check and retry. A row the ledger refuses
 * by then (another officer recorded something since the check) is reported and the others go on.
 */
export const recordPayments = async (
  deps: PaymentsImportDependencies,
  file: PaymentsFile,
  awardId: string,
  actor: Actor,
  checked: PaymentsOutcome<CheckedResult>,
): Promise<PaymentsOutcome<RecordedResult>> => {
  const rows = paymentCommands(file, awardId, actor);
  const results: Array<PaymentRowResult<RecordedResult>> = [];
  for (const [i, row] of rows.entries()) {
    const check = checked.rows[i];
    if (check.row !== row.row.row) throw new Error(`recordPayments: the check is not of this file (row ${check.row} against ${row.row.row})`);
    if (check.result !== 'accepted' || row.command === undefined) {
      // Only what the check accepted is sent: a refused row stays refused, a recorded one recorded.
      results.push({ ...check, result: check.result === 'already-recorded' ? 'already-recorded' : 'refused' });
      continue;
    }
    try {
      const receipt = await deps.commands.execute(new RecordFundingCommand(row.command, row.envelope));
      await deps.afterRecorded?.(receipt);
      results.push(resultOf(row, receipt.replayed ? 'already-recorded' : 'recorded'));
    } catch (error) {
      if (!(isFundingError(error) || error instanceof CommandIdReusedError || error instanceof ConcurrencyConflictError)) throw error;
      const details = isFundingError(error) && error.details !== undefined ? { details: error.details } : {};
      results.push(resultOf(row, 'refused', { code: error.code, message: error.message, ...details }));
    }
  }
  return outcome(file, awardId, ['recorded', 'already-recorded', 'refused'], results);
};

const resultOf = <R extends string>(row: RowCommand, result: R, refusal?: CommandRefusal): PaymentRowResult<R> => ({
  row: row.row.row,
  cells: row.row.cells,
  ...(row.row.payment === undefined ? {} : { amount: row.row.payment.amount.toString() }),
  result,
  ...(refusal === undefined ? {} : { refusal }),
});

const outcome = <R extends string>(file: PaymentsFile, awardId: string, kinds: readonly R[], rows: ReadonlyArray<PaymentRowResult<R>>): PaymentsOutcome<R> => ({
  sha256: file.sha256,
  awardId,
  rows,
  counts: Object.fromEntries(kinds.map((kind) => [kind, rows.filter((row) => row.result === kind).length])) as Record<R, number>,
});
