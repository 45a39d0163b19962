import { awardInScope } from '@fundledger/access';
import { NotFound } from '@fundledger/funding';
import { figureLineage, isLineageFigure, LEDGER_READER, LINEAGE_FIGURES, type LedgerReader } from '@fundledger/projections';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AwardRecords } from '../award-records/award-records.service';
import { Public } from '../auth/public.decorator';
import { RequestRefused } from '../errors/request-refused.error';
import { readPointQuery } from './award-pages.controller';
import { pageErrorsOf } from './page-request';
import { PageRenderer } from './page-renderer.service';

const FIGURES = Object.entries(LINEAGE_FIGURES).map(([figure, { label }]) => ({ figure, label }));

/**
 * The lineage of a figure of an award's position (the same figureLineage as GET
 * /awards/:id/figures/:figure/lineage and `fundledger report lineage`): every event that moved it, by
 * how much, when it happened, when it was recorded and by whom, at the read point asked for. Every role
 * may read it, for the awards of its own organisations.
 */
@ApiExcludeController()
@Public()
@Controller('app/audit/lineage')
export class LineagePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly records: AwardRecords,
    @Inject(LEDGER_READER) private readonly reader: LedgerReader,
  ) {}

  @Get()
  async lineage(@Req() request: Request, @Res() response: Response): Promise<void> {
    const signedIn = this.pages.signedIn(request, response);
    if (signedIn === undefined) return;
    const awards = [...(await this.reader.current()).awards()]
      .filter((view) => awardInScope(signedIn.actor, { funderId: view.award.funder.id, recipientId: view.award.recipient.id }))
      .map((view) => view.award.awardId);
    const pick = (name: string): string => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
    const point = readPointQuery(request);
    const query = { awardId: pick('awardId'), figure: pick('figure'), ...point };
    const context = { title: 'Lineage of a figure', awards, figures: FIGURES, query };
    if (query.awardId === '' || query.figure === '') return this.pages.render(response, 'lineage.njk', context, signedIn);
    try {
      if (!isLineageFigure(query.figure)) {
        throw new RequestRefused(404, 'FIGURE_NOT_FOUND', `no figure ${query.figure}; one of ${Object.keys(LINEAGE_FIGURES).join(', ')}`, { figure: query.figure });
      }
      const { record, when } = await this.records.read(query.awardId, point, signedIn.actor);
      this.pages.render(response, 'lineage.njk', { ...context, lineage: figureLineage(record.events, query.figure), when }, signedIn);
    } catch (error) {
      const errors = pageErrorsOf(error, { FIGURE_NOT_FOUND: 'figure', AWARD_NOT_FOUND: 'awardId' });
      this.pages.render(response, 'lineage.njk', { ...context, errors }, signedIn, error instanceof NotFound || error instanceof RequestRefused ? 404 : 400);
    }
  }
}
