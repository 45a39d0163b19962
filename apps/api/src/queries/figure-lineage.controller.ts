import type { AuthenticatedActor } from '@fundledger/access';
import { figureLineage, figureLineageToCsv, isLineageFigure, LINEAGE_FIGURES } from '@fundledger/projections';
import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AwardRecords } from '../award-records/award-records.service';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestRefused } from '../errors/request-refused.error';
import { LedgerAnswers, type ReplyHeaders } from './ledger-answer';
import { LedgerQueryDto } from './ledger-query.dto';
import { LedgerQueryRoute } from './ledger-query-route.decorator';

/** Where a figure of an award's position comes from: every event that moved it, for an auditor. */
@ApiTags('reports')
@Controller('awards')
export class FigureLineageController {
  constructor(
    private readonly records: AwardRecords,
    private readonly answers: LedgerAnswers,
  ) {}

  @LedgerQueryRoute({
    path: ':awardId/figures/:figure/lineage',
    summary: 'The lineage of a figure of the award position',
    description:
      `The events that make up the figure (${Object.keys(LINEAGE_FIGURES).join(', ')}), each with its log position, ` +
      'business date, recording time, actor and the change it made; the terms add up to the figure.',
    notFound: 'No award with this id had been made (as at the point asked for), or no such figure.',
  })
  async lineage(
    @Param('awardId') awardId: string,
    @Param('figure') figure: string,
    @Query() query: LedgerQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: ReplyHeaders,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    if (!isLineageFigure(figure)) {
      throw new RequestRefused(404, 'FIGURE_NOT_FOUND', `no figure ${figure}; one of ${Object.keys(LINEAGE_FIGURES).join(', ')}`, { figure });
    }
    const { record, answeredAt } = await this.records.read(awardId, query, actor);
    const lineage = figureLineage(record.events, figure)!;
    return this.answers.render(reply, { accept, query }, { answeredAt }, lineage, figureLineageToCsv);
  }
}
