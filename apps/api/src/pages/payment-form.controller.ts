import { randomUUID } from 'node:crypto';
import { awardPositionReport, LEDGER_READER, type LedgerReader } from '@fundledger/projections';
import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CommandSender } from '../commands/command-sender.service';
import { formOf, pageErrorsOf, type SignedIn } from './page-request';
import { PageRenderer } from './page-renderer.service';

/** The form field a ledger refusal is about, so the error summary links to it. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  PAYMENT_EXCEEDS_COMMITMENT: 'amount',
  GRANT_NOT_FOUND: 'grantId',
  INVALID_AMOUNT: 'amount',
};

/**
 * Record a payment (finance officer). The command id is minted when the form is rendered and travels
 * in it, so a second click, a resent form or a retry after a lost answer records the payment once;
 * the payment's own id follows from it for the same reason.
 */
@ApiExcludeController()
@Public()
@Controller('app/awards/:awardId/payments')
export class PaymentFormController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly commands: CommandSender,
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
  ) {}

  @Get('new')
  async form(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return;
    await this.show(response, signedIn, awardId, { commandId: `pay-${randomUUID()}`, paidOn: this.reader.today() }, []);
  }

  @Post()
  async record(@Param('awardId') awardId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = await this.pages.awardForm(awardId, 'record', request, response);
    if (signedIn === undefined) return;
    const form = formOf(request);
    if (!this.pages.formAllowed(signedIn, form, response)) return;
    const { commandId = '', grantId = '', amount = '', paidOn = '', reference = '' } = form;
    try {
      await this.commands.send(
        'PayDisbursement',
        { commandId, disbursementId: commandId, amount: amount.replace(/[£,\s]/g, ''), paidOn, reference },
        { awardId, grantId },
        { actor: signedIn.actor, requestId: String((request as { id?: unknown }).id ?? commandId) },
      );
    } catch (error) {
      return this.show(response, signedIn, awardId, form, pageErrorsOf(error, FIELD_OF_CODE), 422);
    }
    response.redirect(303, `/app/awards/${encodeURIComponent(awardId)}#funded-months`);
  }

  private async show(response: Response, signedIn: SignedIn, awardId: string, form: Record<string, string>, errors: Array<{ text: string; href?: string }>, status = 200): Promise<void> {
    const view = (await this.reader.current()).award(awardId);
    const grants = view === undefined ? [] : awardPositionReport(view).grants;
    this.pages.render(response, 'payment.njk', { title: 'Record a payment', awardId, grants, form, errors }, signedIn, status);
  }
}
