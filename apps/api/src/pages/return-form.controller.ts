import { randomUUID } from 'node:crypto';
import { readReturn, renderReturn } from '@fundledger/reporting';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AwardRecords } from '../award-records/award-records.service';
import { Public } from '../auth/public.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { XLSX_TYPE } from '../returns/returns.controller';
import { formOf, pageErrorsOf, type SignedIn } from './page-request';
import { PageRenderer } from './page-renderer.service';

const TYPES = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
const QUARTERS = ['1', '2', '3', '4'] as const;

/**
 * "2022-05: Late invoice" one a line, as a returns officer writes them; a line without a month is kept
 * whole under its own text so the ledger's parser names it, rather than this page dropping it.
 */
const varianceReasonsOf = (text: string): Record<string, string> | undefined => {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) return undefined;
  return Object.fromEntries(lines.map((line) => {
    const at = line.indexOf(':');
    return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
};

/** Submit a quarter's Home Office return (returns officer), and download any version of it. */
@ApiExcludeController()
@Public()
@Controller('app/awards/:awardId/returns')
export class ReturnFormController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly commands: CommandSender,
    private readonly records: AwardRecords,
  ) {}

  @Get('new')
  async form(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'submit-returns', request, response);
    if (signedIn === undefined) return;
    this.show(response, signedIn, awardId, { commandId: `ret-${randomUUID()}`, submittedOn: this.pages.today() }, []);
  }

  @Post()
  async submit(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'submit-returns', request, response);
    if (signedIn === undefined) return;
    const form = formOf(request);
    if (!this.pages.formAllowed(signedIn, form, response)) return;
    const reasons = varianceReasonsOf(form.varianceReasons ?? '');
    const body = {
      commandId: form.commandId ?? '',
      financialYear: form.financialYear ?? '',
      quarter: QUARTERS.includes(form.quarter as (typeof QUARTERS)[number]) ? Number(form.quarter) : form.quarter ?? '',
      submittedOn: form.submittedOn ?? '',
      ...(reasons === undefined ? {} : { varianceReasons: reasons }),
    };
    try {
      await this.commands.send('SubmitReturn', body, { awardId }, { actor: signedIn.actor, requestId: body.commandId });
    } catch (error) {
      return this.show(response, signedIn, awardId, form, pageErrorsOf(error), 422);
    }
    response.redirect(303, `/app/awards/${encodeURIComponent(awardId)}#returns`);
  }

  /** A submitted version (or the latest) as the API renders it: the same bytes as GET /awards/…/returns/…?format=. */
  @Get(':financialYear/:quarter/:format')
  async download(
    @Param('awardId') awardId: string,
    @Param('financialYear') financialYear: string,
    @Param('quarter') quarter: string,
    @Param('format') format: string,
    @Query('version') version: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    const notFound = (message: string) => this.pages.render(response, 'refused.njk', { title: 'Return not found', message }, signedIn, 404);
    if (!(format in TYPES) || !QUARTERS.includes(quarter as (typeof QUARTERS)[number]) || (version !== undefined && !/^[1-9]\d{0,5}$/.test(version))) {
      return notFound(`no ${format} of quarter ${quarter} ${financialYear}`);
    }
    try {
      const { record } = await this.records.read(awardId, {}, signedIn.actor);
      const reading = readReturn(record, financialYear, Number(quarter) as 1 | 2 | 3 | 4, version === undefined ? {} : { version: Number(version) });
      if (reading === undefined) return notFound(`quarter ${quarter} ${financialYear} of award ${awardId} has no submitted version ${version ?? ''}`);
      const output = await renderReturn(reading, record, format as keyof typeof TYPES);
      const suffix = reading.version === null ? 'draft' : `v${reading.version}`;
      response.setHeader('Content-Disposition', `attachment; filename="return-${awardId}-${financialYear}-q${quarter}-${suffix}.${format}"`);
      response.type(TYPES[format as keyof typeof TYPES]).send(output);
    } catch (error) {
      return notFound(pageErrorsOf(error).map((e) => e.text).join('; '));
    }
  }

  private show(response: Response, signedIn: SignedIn, awardId: string, form: Record<string, string>, errors: Array<{ text: string; href?: string }>, status = 200): void {
    this.pages.render(response, 'return.njk', { title: 'Submit a return', awardId, form, quarters: QUARTERS, errors }, signedIn, status);
  }
}
