import { ApiProperty } from '@nestjs/swagger';
import { IsMonthlyAmounts } from '../../commands/validation/is-monthly-amounts.decorator';
import { DateField, MONEY_PATTERN } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

/** Replaces the planned cost per month; it must cover every provision month. */
export class SetSpendProfileDto extends AwardCommandBodyDto {
  @DateField({ description: 'Date the profile was set, YYYY-MM-DD: not after today.', example: '2021-08-01' })
  setOn!: string;

  @ApiProperty({
    description: 'Planned cost per provision month, `{ "YYYY-MM": amount }`; amounts as decimal strings, 0.00 allowed.',
    type: 'object',
    additionalProperties: { type: 'string', pattern: MONEY_PATTERN },
    example: { '2021-10': '22000.00', '2021-11': '22000.00', '2021-12': '21000.00' },
  })
  @IsMonthlyAmounts()
  months!: Record<string, string>;
}
