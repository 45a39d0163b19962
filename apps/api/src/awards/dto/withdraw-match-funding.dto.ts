import { IdField, MoneyField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class WithdrawMatchFundingDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the contribution of the path, repeated.', optional: true })
  contributionId?: string;

  @MoneyField({ description: 'The amount withdrawn (at most what is pledged and not yet received).', example: '5000.00' })
  amount!: string;

  @TextField({ kind: 'prose', description: 'Why the partner withdraws it.', example: 'Council budget reduced' })
  reason!: string;
}
