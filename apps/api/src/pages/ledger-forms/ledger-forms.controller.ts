import { randomUUID } from 'node:crypto';
import { awardPositionReport, type AwardView } from '@fundledger/projections';
import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../auth/public.decorator';
import { CommandSender } from '../../commands/command-sender.service';
import { classifyError } from '../../errors/error-classification';
import { fieldErrorsOf, formOf, pageErrorsOf, type PageError, type SignedIn } from '../page-request';
import { PageRenderer } from '../page-renderer.service';
import { commandOf, fieldOfPath, type LedgerForm } from './ledger-form';
import { ledgerFormOf } from './ledger-forms';

type AwardForm = SignedIn & { view: AwardView };

/**
 * Every finance officer's form (ledger-forms.ts) through one route family: /app/awards/:awardId/record/:form.
 * The command id is minted when the form is rendered and travels in it, so a second click, a resent
 * form or a retry after a lost answer records once. The role and the award's organisation are checked
 * by the same rules as the API's, and the CSRF token of the session before anything is sent.
 */
@ApiExcludeController()
@Public()
@Controller('app/awards/:awardId/record')
export class LedgerFormsController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly commands: CommandSender,
  ) {}

  @Get(':form')
  async form(
    @Param('awardId') awardId: string,
    @Param('form') slug: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const opened = await this.open(awardId, slug, request, response);
    if (opened === undefined) return;
    const { form, signedIn } = opened;
    // The award page links a grant's or a contribution's own form with it chosen.
    const chosen = Object.fromEntries(form.pathIds.flatMap((name) => (typeof query[name] === 'string' ? [[name, query[name] as string]] : [])));
    const dated = Object.fromEntries(form.fields.filter((field) => field.kind === 'date').map((field) => [field.name, this.pages.today()]));
    this.show(response, signedIn, form, { ...dated, ...chosen, commandId: `${form.idPrefix}-${randomUUID()}` }, []);
  }

  @Post(':form')
  async record(@Param('awardId') awardId: string, @Param('form') slug: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const opened = await this.open(awardId, slug, request, response);
    if (opened === undefined) return;
    const { form, signedIn } = opened;
    const posted = formOf(request);
    if (!this.pages.formAllowed(signedIn, posted, response)) return;
    const contributions = awardPositionReport(signedIn.view).matchFunding.contributors.map((c) => c.contributionId);
    const { body, pathIds } = commandOf(form, posted, contributions);
    try {
      await this.commands.send(form.command, body, { ...pathIds, awardId }, { actor: signedIn.actor, requestId: String(body.commandId) });
    } catch (error) {
      const errors = pageErrorsOf(error, form.fieldOfCode, (path) => fieldOfPath(form, path));
      return this.show(response, signedIn, form, posted, errors, classifyError(error)?.status ?? 422);
    }
    response.redirect(303, `/app/awards/${encodeURIComponent(awardId)}#${form.shownAt}`);
  }

  /** The form asked for, on an award of one's own organisation, for a role that records; else the refusal is rendered. */
  private async open(awardId: string, slug: string, request: Request, response: Response): Promise<{ form: LedgerForm; signedIn: AwardForm } | undefined> {
    const form = ledgerFormOf(slug);
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return undefined;
    if (form === undefined) {
      this.pages.render(response, 'refused.njk', { title: 'Page not found', message: `There is no form ${slug} on an award.` }, signedIn, 404);
      return undefined;
    }
    return { form, signedIn };
  }

  private show(response: Response, signedIn: AwardForm, form: LedgerForm, values: Record<string, string>, errors: PageError[], status = 200): void {
    const position = awardPositionReport(signedIn.view);
    this.pages.render(
      response,
      'ledger-form.njk',
      { title: form.title, form, awardId: position.awardId, position, values, errors, fieldErrors: fieldErrorsOf(errors), grants: position.grants, contributions: position.matchFunding.contributors },
      signedIn,
      status,
    );
  }
}
