import { DateField, MoneyField, MonthField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

/** A new amount, a later window end, or both. */
export class VaryAwardDto extends AwardCommandBodyDto {
  @MoneyField({ description: 'The award amount from now on.', example: '200124.66', optional: true })
  newAmount?: string;

  @MonthField({ description: 'A later end of the eligibility window (it cannot be shortened).', example: '2022-06', optional: true })
  newWindowEnd?: string;

  @DateField({ description: 'Date the variation takes effect, YYYY-MM-DD: not before the award, not after today.', example: '2021-07-31' })
  effectiveOn!: string;

  @TextField({ kind: 'prose', description: 'Why the award changes.', example: 'Amount confirmed in the local decision differs from the national announcement (200,333.33)' })
  reason!: string;

  @TextField({ kind: 'reference', description: 'The document that varies it.', example: 'Decision 2021-7335' })
  reference!: string;
}
