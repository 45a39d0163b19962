import { mayPerform } from '@fundledger/access';
import { AuditError, LogAuditor, parseCheckpoint, type Checkpoint, type VerifyReport } from '@fundledger/audit';
import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Public } from '../auth/public.decorator';
import { fieldErrorsOf, formOf, pageErrorsOf, type PageError, type SignedIn } from './page-request';
import { PageRenderer } from './page-renderer.service';

/** A checkpoint file is some 400 bytes; anything much larger is not one. */
const CHECKPOINT_UPLOAD = multer({ storage: multer.memoryStorage(), limits: { fileSize: 8 * 1024, files: 1, fields: 4, fieldSize: 8 * 1024 } }).single('checkpointFile');

/** The checkpoint a form carries: an uploaded file, else the pasted text; none when both are blank. */
const checkpointOf = (file: Express.Multer.File | undefined, pasted: string | undefined): Checkpoint | undefined => {
  const text = file !== undefined && file.size > 0 ? file.buffer.toString('utf8') : (pasted ?? '').trim();
  if (text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AuditError('invalid', 'CHECKPOINT_INVALID', `the checkpoint is not JSON: ${(error as Error).message}`);
  }
  return parseCheckpoint(json);
};

/** What the check found, in a sentence: the panel's title, or the error summary's. */
const verdictOf = (report: VerifyReport): string => {
  if (report.checkpoint?.signatureValid === false) return "The checkpoint's signature does not hold";
  if (report.checkpoint?.consistent === false) return 'The log no longer begins with the checkpoint';
  if (!report.ok) return 'The log is not what was recorded';
  return report.checkpoint === undefined ? 'Every hash chain holds' : 'The log still begins with your checkpoint';
};

/**
 * The auditor's check of the log, through the same LogAuditor as `fundledger verify` and POST
 * /audit/verify: every hash chain and revision sequence, the Merkle root the events make and, given a
 * checkpoint kept earlier (pasted or uploaded), its signature and that the log still begins with it.
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
    this.show(response, signedIn, {});
  }

  /** A POST, with the session's CSRF token: a full walk of the log is work another site must not start. */
  @Post()
  async verify(@Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.auditorOf(request, response);
    if (signedIn === undefined) return;
    try {
      await new Promise<void>((resolve, reject) => CHECKPOINT_UPLOAD(request, response, (error?: unknown) => (error === undefined ? resolve() : reject(error))));
    } catch (error) {
      const message = error instanceof multer.MulterError ? error.message : 'the upload could not be read';
      return this.show(response, signedIn, { errors: [{ text: `The checkpoint file was refused: ${message} (CHECKPOINT_INVALID)`, href: '#checkpointFile' }] }, 400);
    }
    const form = formOf(request);
    if (!this.pages.formAllowed(signedIn, form, response)) return;
    let checkpoint: Checkpoint | undefined;
    try {
      checkpoint = checkpointOf(request.file, form.checkpoint);
    } catch (error) {
      if (!(error instanceof AuditError)) throw error;
      // One error naming every field at fault: the details' messages alone do not say which field each is.
      return this.show(response, signedIn, { pasted: form.checkpoint, errors: [{ text: `${error.message} (${error.code})`, href: '#checkpoint' }] }, 400);
    }
    const result = await this.auditor.verify(checkpoint);
    this.show(response, signedIn, { result, verdict: verdictOf(result) });
  }

  /** The signed checkpoint of the log as it stands, as a file to keep outside the service (GET /audit/checkpoint's). */
  @Post('checkpoint')
  async checkpoint(@Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.auditorOf(request, response);
    if (signedIn === undefined || !this.pages.formAllowed(signedIn, formOf(request), response)) return;
    try {
      const checkpoint = await this.auditor.checkpointOfHead();
      response.setHeader('Content-Disposition', `attachment; filename="fundledger-checkpoint-${checkpoint.treeSize}.json"`);
      response.status(200).type('application/json').send(`${JSON.stringify(checkpoint, null, 2)}\n`);
    } catch (error) {
      this.show(response, signedIn, { errors: pageErrorsOf(error) }, 409);
    }
  }

  /** Signed in as a role that verifies (an auditor), or the refusal is rendered and undefined returned. */
  private auditorOf(request: Request, response: Response): SignedIn | undefined {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return undefined;
    if (mayPerform(signedIn.actor.role, 'verify')) return signedIn;
    this.pages.render(response, 'refused.njk', { title: 'Not your role', message: `Role ${signedIn.actor.role} may not verify; an auditor may.` }, signedIn, 403);
    return undefined;
  }

  private show(response: Response, signedIn: SignedIn, context: Record<string, unknown>, status = 200): void {
    const fieldErrors = fieldErrorsOf((context.errors ?? []) as PageError[]);
    this.pages.render(response, 'audit.njk', { title: 'Audit', mayVerify: mayPerform(signedIn.actor.role, 'verify'), fieldErrors, ...context }, signedIn, status);
  }
}
