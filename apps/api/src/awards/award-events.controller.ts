import type { AuthenticatedActor } from '@fundledger/access';
import { parseInstant } from '@fundledger/calendar';
import { EVENT_STORE, readStreamAt, type EventStore, type LogCut, type RecordedEvent } from '@fundledger/event-store';
import { awardStreamName, NotFound } from '@fundledger/funding';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiBadRequestResponse } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import { RequirePermission } from '../auth/require-permission.decorator';
import { RequestRefused } from '../errors/request-refused.error';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { AsAtQueryDto } from '../queries/as-at-query.dto';
import { OrganisationScope } from '../scope/organisation-scope.service';
import { AwardEventDto, AwardEventsDto } from './dto/award-events.dto';

/** Which events a query keeps: all, or those up to a log position or a recorded instant. */
const cutOf = (query: AsAtQueryDto): LogCut => {
  if (query.asAt !== undefined && query.position !== undefined) {
    throw new RequestRefused(400, 'INVALID_REQUEST', 'give asAt or position, not both');
  }
  if (query.position !== undefined) return { position: BigInt(query.position) };
  if (query.asAt !== undefined) return { time: parseInstant(query.asAt, 'asAt') };
  return undefined;
};

const toDto = (event: RecordedEvent): AwardEventDto => ({
  id: event.id,
  type: event.type,
  revision: event.revision.toString(),
  position: event.position.toString(),
  recordedAt: event.recordedAt,
  data: event.data,
  metadata: event.metadata,
});

/**
 * The award's stream exactly as recorded, for auditors: every figure with who recorded it, under which
 * command, and the hash chain that makes a change noticeable.
 */
@ApiTags('awards')
@Controller('awards')
export class AwardEventsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: OrganisationScope,
  ) {}

  @Get(':awardId/events')
  @RequirePermission('read')
  @ApiOperation({
    summary: "The award's recorded events, with metadata, revisions and log positions",
    description: 'Optionally as the log stood at a position (`?position=`) or a recorded time (`?asAt=`).',
  })
  @ApiOkResponse({ type: AwardEventsDto })
  @ApiBadRequestResponse({ description: 'An invalid asAt or position, or both given.', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'No award with this id had been made (as at the cut, if one is given).', type: ErrorBodyDto })
  async list(
    @Param('awardId') awardId: string,
    @Query() query: AsAtQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<AwardEventsDto> {
    const stream = awardStreamName(awardId);
    const events = (await readStreamAt(this.store, stream, cutOf(query))).map(toDto);
    // Another organisation's award is answered as one never made.
    if (events.length === 0 || !(await this.scope.awardVisible(actor, awardId))) {
      const when = query.position ?? query.asAt;
      throw new NotFound(
        'AWARD_NOT_FOUND',
        `award ${awardId} has not been made${when === undefined ? '' : ` as at ${when}`}`,
        { awardId },
      );
    }
    return { awardId, stream, events };
  }
}
