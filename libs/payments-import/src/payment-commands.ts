import { hashCommandBody, type Actor, type CommandEnvelope, type JsonObject } from '@fundledger/event-store';
import { InvalidCommand, parseFundingCommand, type PayDisbursement } from '@fundledger/funding';
import type { CommandRefusal } from '@fundledger/funding/application';
import type { PaymentRow, PaymentsFile } from './payments-file.reader';

/**
 * One file's row, one command id: the same file uploaded again sends the same ids and bodies, which the
 * ledger answers as already recorded. The payment's own id follows from it for the same reason.
 */
export const paymentCommandId = (sha256: string, row: number): string => `payments-${sha256}-row-${row}`;
const disbursementIdOf = (sha256: string, row: number): string => `pay-${sha256.slice(0, 16)}-${row}`;

export type RowCommand =
  | { readonly row: PaymentRow; readonly command: PayDisbursement; readonly envelope: CommandEnvelope; readonly refusal?: undefined }
  | { readonly row: PaymentRow; readonly refusal: CommandRefusal; readonly command?: undefined };

/** Each row as the PayDisbursement it records on the award, or why it cannot be one (read as such by the domain's own parse). */
export const paymentCommands = (file: PaymentsFile, awardId: string, actor: Actor): RowCommand[] =>
  file.rows.map((row) => {
    if (row.problem !== undefined) return { row, refusal: row.problem };
    const { grantId, amount, paidOn, reference } = row.payment;
    const body: JsonObject = {
      awardId,
      grantId,
      disbursementId: disbursementIdOf(file.sha256, row.row),
      amount: amount.toString(),
      paidOn,
      reference,
    };
    try {
      const command = parseFundingCommand('PayDisbursement', body);
      const envelope: CommandEnvelope = {
        commandId: paymentCommandId(file.sha256, row.row),
        commandHash: hashCommandBody('PayDisbursement', body),
        correlationId: `payments-${file.sha256.slice(0, 16)}`,
        actor,
      };
      return { row, command, envelope };
    } catch (error) {
      if (!(error instanceof InvalidCommand)) throw error;
      // The domain names its fields (grantId); the officer knows the file's columns.
      const reasons = error.fields.map((field) => field.message.replace(/^grantId:/, `grant "${row.cells.grant}":`));
      return { row, refusal: { code: error.code, message: `row ${row.row}: ${reasons.join('; ')}` } };
    }
  });
