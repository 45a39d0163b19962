import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { AwardCommandBodyDto } from '../../awards/dto/award-command-body.dto';
import { DateField, FinancialYearField, TextField } from '../../commands/validation/field.decorators';
import { constraint, describeType } from '../../commands/validation/parser-constraint';

/** `{ "YYYY-MM": reason }`; that the months are the quarter's is checked by the domain's parser. */
const IsReasonsByMonth = constraint('isReasonsByMonth', (value, field) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')
    ? undefined
    : `${field}: must be an object of { "YYYY-MM": reason }, got ${describeType(value)}`,
);

/** A Home Office return for one quarter; its figures are computed from the ledger, never sent by the caller. */
export class SubmitReturnDto extends AwardCommandBodyDto {
  @FinancialYearField({ description: 'UK financial year, April to March, YYYY-YY.', example: '2023-24' })
  financialYear!: string;

  @ApiProperty({ enum: [1, 2, 3, 4], description: 'Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar (a JSON number).', example: 2 })
  @IsIn([1, 2, 3, 4], { message: '$property: must be the number 1, 2, 3 or 4' })
  quarter!: 1 | 2 | 3 | 4;

  @DateField({ description: 'Date submitted, YYYY-MM-DD: after the quarter ended, not after today.', example: '2023-10-20' })
  submittedOn!: string;

  @TextField({ kind: 'prose', description: 'Why the quarter is submitted again, e.g. a corrected payment.', optional: true })
  reason?: string;

  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { type: 'string' },
    description: "The officer's explanation of each month's variance against the profile, by month of the quarter.",
    example: { '2023-08': 'Second practitioner started late' },
  })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsReasonsByMonth()
  varianceReasons?: Record<string, string>;
}
