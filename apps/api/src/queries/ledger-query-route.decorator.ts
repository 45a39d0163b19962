import { applyDecorators, Get, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { ReadModelErrorFilter } from './read-model-error.filter';

export interface LedgerQueryRouteDoc {
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly notFound: string;
}

/**
 * Everything a ledger query shares: the `read` permission, the as-at parameters (LedgerQueryDto),
 * JSON or CSV, the position it was answered at, and the documented refusals.
 */
export const LedgerQueryRoute = (doc: LedgerQueryRouteDoc): MethodDecorator =>
  applyDecorators(
    Get(doc.path),
    RequirePermission('read'),
    UseFilters(ReadModelErrorFilter),
    ApiOperation({
      summary: doc.summary,
      description:
        `${doc.description} Current by default; \`?asOf=\` (a business date) answers as of the end of that UK day, ` +
        '`?knownAt=` (alias `asAt`) or `?position=` as the ledger stood then, both together as of a date as known then, ' +
        'folded from the log alone. The answer names both axes it was read at (`answeredAt`, `X-Ledger-*` headers).',
    }),
    ApiProduces('application/json', 'text/csv'),
    ApiHeader({ name: 'Accept', required: false, description: '`text/csv` for CSV (or `?format=csv`).' }),
    ApiOkResponse({ description: 'The report, with `answeredAt: { position, recordedAt?, asOf, knownAt }`; or CSV.' }),
    ApiBadRequestResponse({
      description: 'A malformed or contradictory read point (INVALID_READ_POINT), an asOf after today, or a point beyond the log.',
      type: ErrorBodyDto,
    }),
    ApiNotFoundResponse({ description: doc.notFound, type: ErrorBodyDto }),
    ApiServiceUnavailableResponse({
      description: 'The read model had not reached minPosition within the wait (READ_MODEL_BEHIND), or has stopped (READ_MODEL_STOPPED).',
      type: ErrorBodyDto,
    }),
  );
