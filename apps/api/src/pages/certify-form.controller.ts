import { randomUUID } from 'node:crypto';
import { CERTIFICATE_ACKNOWLEDGEMENTS } from '@fundledger/funding';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { formOf, pageErrorsOf, type SignedIn } from './page-request';
import { PageRenderer } from './page-renderer.service';

const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  ACKNOWLEDGEMENT_REQUIRED: 'acknowledged',
  REGULATIONS_NOT_COMPLIED: 'regulationsComplied',
  DUTIES_NOT_SEPARATED: 'officerName',
};

/** What each acknowledgement means, in the words the certificate uses for it. */
const ACKNOWLEDGEMENT_TEXT: Readonly<Record<string, string>> = {
  DECISION_TOTAL_MISMATCH: 'A total the decision declares differs from the ledger, and I certify knowing it',
  PLANNED_SHORTFALL: 'The funded months show a shortfall, and I certify knowing it',
};

/**
 * Certify an award's budget (Section 151 officer), with the acknowledgements the ledger asks for: a
 * certificate issued over a mismatch or a planned shortfall says so, or the ledger refuses it.
 */
@ApiExcludeController()
@Public()
@Controller('app/awards/:awardId/certificates')
export class CertifyFormController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly commands: CommandSender,
  ) {}

  @Get('new')
  async form(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'certify', request, response);
    if (signedIn === undefined) return;
    this.show(response, signedIn, awardId, { commandId: `cert-${randomUUID()}`, certifiedOn: this.pages.today(), officerName: signedIn.actor.id }, [], []);
  }

  @Post()
  async certify(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'certify', request, response);
    if (signedIn === undefined) return;
    const form = formOf(request);
    if (!this.pages.formAllowed(signedIn, form, response)) return;
    const acknowledged = CERTIFICATE_ACKNOWLEDGEMENTS.filter((code) => form[`acknowledged-${code}`] === 'yes');
    const body = {
      commandId: form.commandId ?? '',
      basis: form.basis ?? '',
      regulationsComplied: form.regulationsComplied === 'yes',
      officer: { id: signedIn.actor.id, name: form.officerName ?? '' },
      certifiedOn: form.certifiedOn ?? '',
      decisionRef: form.decisionRef ?? '',
      acknowledged,
    };
    try {
      await this.commands.send('CertifyBudget', body, { awardId }, { actor: signedIn.actor, requestId: body.commandId });
    } catch (error) {
      return this.show(response, signedIn, awardId, form, acknowledged, pageErrorsOf(error, FIELD_OF_CODE), 422);
    }
    response.redirect(303, `/app/awards/${encodeURIComponent(awardId)}#certificates`);
  }

  private show(response: Response, signedIn: SignedIn, awardId: string, form: Record<string, string>, acknowledged: readonly string[], errors: Array<{ text: string; href?: string }>, status = 200): void {
    const acknowledgements = CERTIFICATE_ACKNOWLEDGEMENTS.map((code) => ({ code, text: ACKNOWLEDGEMENT_TEXT[code] ?? code, checked: acknowledged.includes(code) }));
    this.pages.render(response, 'certify.njk', { title: 'Certify the budget', awardId, form, acknowledgements, errors }, signedIn, status);
  }
}
