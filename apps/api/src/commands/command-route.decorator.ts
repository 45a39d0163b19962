import { applyDecorators, HttpCode, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Permission } from '@fundledger/access';
import type { FundingCommandType } from '@fundledger/funding';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ErrorBodyDto } from '../errors/error-body.dto';
import { CommandScopeGuard, CreatesFor } from '../scope/command-scope.guard';
import { CommandReceiptDto } from './dto/command-receipt.dto';
import { IDEMPOTENT_REPLAYED_HEADER, ReplayedReceiptInterceptor } from './replayed-receipt.interceptor';

export interface CommandRouteDoc {
  readonly command: FundingCommandType;
  /** Default `record`; certificates need `certify`, returns `submit-returns` (DESIGN §6). */
  readonly permission?: Permission;
  /** A command that creates a stream names whose it is; every other command acts on the award in its path. */
  readonly createsFor?: CreatesFor;
  readonly summary: string;
  readonly description?: string;
  readonly body: new () => object;
  /** Named request examples, taken from the fixtures' published figures. */
  readonly examples: Readonly<Record<string, { readonly summary: string; readonly value: object }>>;
  /** What a 404 or 422 means for this command, beyond the generic wording. */
  readonly notFound?: string;
  readonly refusedWhen?: string;
}

/**
 * Everything a ledger command route shares: the `record` permission (or the one named), 201 (200 on a replayed retry),
 * the idempotency and correlation headers, and the documented answers of DESIGN §6.
 */
export const CommandRoute = (doc: CommandRouteDoc): MethodDecorator =>
  applyDecorators(
    RequirePermission(doc.permission ?? 'record'),
    ...(doc.createsFor === undefined ? [] : [CreatesFor(doc.createsFor)]),
    UseGuards(CommandScopeGuard),
    HttpCode(201),
    UseInterceptors(ReplayedReceiptInterceptor),
    ApiOperation({
      summary: doc.summary,
      description: `Records the ${doc.command} command.${doc.description === undefined ? '' : ` ${doc.description}`}`,
      operationId: doc.command,
    }),
    ApiBody({ type: doc.body, examples: doc.examples }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Your id for this command, instead of `commandId` in the body; a retry with it records nothing twice.',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: "Recorded as every event's correlationId; defaults to the request id.",
    }),
    ApiCreatedResponse({ description: 'Recorded: the events written, the stream revision and log position.', type: CommandReceiptDto }),
    ApiOkResponse({
      description: `A retry of a command already recorded: its first receipt, nothing new written, header ${IDEMPOTENT_REPLAYED_HEADER}: true.`,
      type: CommandReceiptDto,
    }),
    ApiBadRequestResponse({
      description: 'Malformed JSON, an invalid field (money as a string with at most 2 dp, real months and dates), an unknown field, a missing command id, or a body id contradicting the path.',
      type: ErrorBodyDto,
    }),
    ApiNotFoundResponse({ description: doc.notFound ?? 'The award (or an id it names) was never recorded.', type: ErrorBodyDto }),
    ApiConflictResponse({
      description: 'The id is already taken, the command id was used for another command (COMMAND_ID_REUSED), or the stream kept changing (CONCURRENCY_CONFLICT: retry).',
      type: ErrorBodyDto,
    }),
    ApiUnprocessableEntityResponse({
      description: `A ledger rule refuses it; nothing is written.${doc.refusedWhen === undefined ? '' : ` ${doc.refusedWhen}`}`,
      type: ErrorBodyDto,
    }),
  );
