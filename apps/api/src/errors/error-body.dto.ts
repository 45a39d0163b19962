import { ApiProperty } from '@nestjs/swagger';
import type { ErrorBody } from './error-body';

/** OpenAPI description of ErrorBody, the one shape of every error. */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error!: string;

  @ApiProperty({ description: 'Stable, machine-readable.', example: 'COMMITMENT_EXCEEDS_AVAILABLE_FUNDING' })
  code!: string;

  @ApiProperty({
    example: 'committing £7,000.00 would take commitments to £302,617.00 against £298,241.66 available',
  })
  message!: string;

  @ApiProperty({
    required: false,
    description:
      'What explains the error: the figures of a broken ledger rule, the ids involved, or the list of ' +
      'field errors of a refused body.',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
  })
  details?: unknown;
}
