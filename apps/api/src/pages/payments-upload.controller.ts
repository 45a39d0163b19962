import { createHash } from 'node:crypto';
import { LogAuditor } from '@fundledger/audit';
import {
  checkPayments,
  columnMappingOf,
  columnMappingText,
  DEFAULT_COLUMNS,
  PAYMENT_FIELDS,
  PaymentsFileError,
  readPaymentsFile,
  recordPayments,
  type ColumnMapping,
  type CheckedResult,
  type PaymentsFile,
  type PaymentsOutcome,
} from '@fundledger/payments-import';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { SignedIn } from './page-request';
import { PageRenderer } from './page-renderer.service';
import { MAX_UPLOAD_TEXT, readUploadForm, type UploadedForm } from './payments-upload.multipart';

const STATUS_OF_CODE: Readonly<Record<string, number>> = { FILE_TOO_LARGE: 413, MALFORMED_FORM: 400 };

/**
 * Upload payments from the finance system (finance officer): a CSV is checked row by row against the
 * ledger and previewed, then the rows accepted are recorded on confirmation. The confirmation carries
 * the file itself and its sha256, so exactly the file previewed is recorded, and it is checked again
 * first: if the ledger has changed what would be accepted, the new preview is shown and nothing recorded.
 */
@ApiExcludeController()
@Public()
@Controller('app/awards/:awardId/payments/upload')
export class PaymentsUploadController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    private readonly auditor: LogAuditor,
  ) {}

  @Get()
  async form(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return;
    this.showUpload(response, signedIn, awardId, DEFAULT_COLUMNS, []);
  }

  @Post()
  async check(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return;
    const form = await this.formOf(request, response, signedIn, awardId);
    if (form === undefined) return;
    await this.refusingFileErrors(response, signedIn, awardId, form.fields, async () => {
      const columns = columnMappingOf(form.fields);
      if (form.file === undefined) {
        return this.showUpload(response, signedIn, awardId, columns, [{ text: 'Choose the payments file (a CSV) to upload', href: '#file' }], 422);
      }
      const file = readPaymentsFile(form.file.bytes, columns);
      const checked = await checkPayments(this.queries, file, awardId, signedIn.actor);
      this.showPreview(response, signedIn, { awardId, file, bytes: form.file.bytes, fileName: form.file.name, checked, errors: [] });
    });
  }

  @Post('confirm')
  async confirm(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return;
    const form = await this.formOf(request, response, signedIn, awardId);
    if (form === undefined) return;
    const { fields } = form;
    await this.refusingFileErrors(response, signedIn, awardId, fields, async () => {
      const bytes = Buffer.from(fields.fileData ?? '', 'base64');
      if (createHash('sha256').update(bytes).digest('hex') !== fields.sha256) {
        throw new PaymentsFileError('FILE_CHANGED', 'the file sent to be recorded is not the file that was previewed: upload it again and check the preview');
      }
      const file = readPaymentsFile(bytes, columnMappingOf(fields));
      const checked = await checkPayments(this.queries, file, awardId, signedIn.actor);
      const changed = changesSincePreview(fields.accepted ?? '', checked);
      if (changed.length > 0) {
        const text = `The ledger has changed since this file was checked: ${changed.join(', ')}. Nothing was recorded; check this preview again (PREVIEW_OUTDATED)`;
        return this.showPreview(response, signedIn, { awardId, file, bytes, fileName: fields.fileName ?? '', checked, errors: [{ text, href: '#preview' }] }, 409);
      }
      const recorded = await recordPayments(
        { queries: this.queries, commands: this.commands, afterRecorded: (receipt) => this.auditor.keepCheckpointForDocuments(receipt) },
        file,
        awardId,
        signedIn.actor,
        checked,
      );
      this.pages.render(response, 'payments-recorded.njk', { title: 'Payments recorded', awardId, fileName: fields.fileName ?? '', outcome: recorded }, signedIn);
    });
  }

  /** The multipart form of this session, or the refusal rendered (an expired form, a file over the limit) and undefined. */
  private async formOf(request: Request, response: Response, signedIn: SignedIn, awardId: string): Promise<UploadedForm | undefined> {
    let form: UploadedForm;
    try {
      form = await readUploadForm(request, response);
    } catch (error) {
      if (!(error instanceof PaymentsFileError)) throw error;
      this.showUpload(response, signedIn, awardId, DEFAULT_COLUMNS, [{ text: `${capitalised(error.message)} (${error.code})`, href: '#file' }], STATUS_OF_CODE[error.code] ?? 422);
      return undefined;
    }
    return this.pages.formAllowed(signedIn, form.fields, response) ? form : undefined;
  }

  /** A file that cannot be read as a whole goes back to the upload form with the reason. */
  private async refusingFileErrors(response: Response, signedIn: SignedIn, awardId: string, fields: Record<string, string>, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof PaymentsFileError)) throw error;
      const columns = { ...DEFAULT_COLUMNS, ...pick(fields) };
      // A column name at fault points at its field; anything else about the file at the file.
      const href = `#${error.field ?? 'file'}`;
      this.showUpload(response, signedIn, awardId, columns, [{ text: `${capitalised(error.message)} (${error.code})`, href }], STATUS_OF_CODE[error.code] ?? 422);
    }
  }

  private showUpload(response: Response, signedIn: SignedIn, awardId: string, columns: ColumnMapping, errors: Array<{ text: string; href?: string }>, status = 200): void {
    // The field each error is about shows it beside itself too, as the GOV.UK error pattern asks.
    const errorAt = Object.fromEntries(errors.filter((error) => error.href !== undefined).map((error) => [error.href!.slice(1), { text: error.text }]));
    this.pages.render(response, 'payments-upload.njk', { title: 'Upload payments', awardId, columns, maxSize: MAX_UPLOAD_TEXT, errors, errorAt }, signedIn, status);
  }

  private showPreview(
    response: Response,
    signedIn: SignedIn,
    preview: { awardId: string; file: PaymentsFile; bytes: Buffer; fileName: string; checked: PaymentsOutcome<CheckedResult>; errors: Array<{ text: string; href?: string }> },
    status = 200,
  ): void {
    const { awardId, file, bytes, fileName, checked, errors } = preview;
    this.pages.render(
      response,
      'payments-preview.njk',
      {
        title: 'Check the payments before recording them',
        awardId,
        fileName,
        columns: file.columns,
        columnsText: columnMappingText(file.columns),
        outcome: checked,
        accepted: acceptedRows(checked),
        fileData: bytes.toString('base64'),
        errors,
      },
      signedIn,
      status,
    );
  }
}

/** The rows a check accepts, as the confirmation carries them: what the officer saw and agreed to. */
const acceptedRows = (checked: PaymentsOutcome<CheckedResult>): string =>
  checked.rows.filter((row) => row.result === 'accepted').map((row) => row.row).join(',');

/**
 * What the officer agreed to that is no longer so: a previewed row the ledger would now refuse, or a
 * row it would now record that the preview did not offer. A previewed row since recorded (the same
 * confirmation sent twice) is not a change: it is answered as already recorded.
 */
const changesSincePreview = (previewed: string, checked: PaymentsOutcome<CheckedResult>): string[] => {
  const agreed = new Set(previewed.split(',').filter((row) => row !== '').map(Number));
  return checked.rows.flatMap(({ row, result }) => {
    if (agreed.has(row) && result === 'refused') return [`row ${row} would now be refused`];
    if (!agreed.has(row) && result === 'accepted') return [`row ${row} would now be recorded`];
    return [];
  });
};

const pick = (fields: Record<string, string>): Partial<ColumnMapping> =>
  Object.fromEntries(PAYMENT_FIELDS.filter((f) => (fields[f] ?? '').trim() !== '').map((f) => [f, fields[f]]));

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
