import { mayPerform } from '@fundledger/access';
import { LogAuditor } from '@fundledger/audit';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { formOf } from './page-request';
import { PageRenderer } from './page-renderer.service';

/**
 * The auditor's check of the log, through the same LogAuditor as `fundledger verify` and POST
 * /audit/verify: every hash chain and revision sequence, and the Merkle root the events make.
 */
@ApiExcludeController()
@Public()
@Controller('app/audit')
export class AuditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly auditor: LogAuditor,
  ) {}

  @Get()
  page(@Req() request: Request, @Res() response: Response): void {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    this.pages.render(response, 'audit.njk', { title: 'Audit', mayVerify: mayPerform(signedIn.actor.role, 'verify') }, signedIn);
  }

  /** A POST, with the session's CSRF token: a full walk of the log is work another site must not start. */
  @Post()
  async verify(@Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    if (!this.pages.formAllowed(signedIn, formOf(request), response)) return;
    if (!mayPerform(signedIn.actor.role, 'verify')) {
      return this.pages.render(response, 'refused.njk', { title: 'Not your role', message: `Role ${signedIn.actor.role} may not verify; an auditor may.` }, signedIn, 403);
    }
    const result = await this.auditor.verify();
    this.pages.render(response, 'audit.njk', { title: 'Audit', mayVerify: true, result }, signedIn);
  }
}
