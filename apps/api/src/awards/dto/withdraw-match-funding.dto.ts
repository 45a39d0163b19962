import { DateField, IdField, MoneyField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class WithdrawMatchFundingDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the contribution of the path, repeated.', optional: true })
  contributionId?: string;

  @MoneyField({ description: 'The amount withdrawn (at most what is pledged and not yet received).', example: '5000.00' })
  amount!: string;

  @DateField({ description: 'Date the pledge was withdrawn, YYYY-MM-DD: not before the pledge, not after today.', example: '2021-12-15' })
  withdrawnOn!: string;

  @TextField({ kind: 'prose', description: 'Why the partner withdraws it.', example: 'Council budget reduced' })
  reason!: string;
}
