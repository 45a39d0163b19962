import { DateField, IdField, MoneyField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class ReceiveMatchFundingDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the contribution of the path, repeated.', optional: true })
  contributionId?: string;

  @MoneyField({ description: 'The amount received (at most what is pledged, not withdrawn and not yet received).', example: '15000.00' })
  amount!: string;

  @DateField({ description: 'Date received, YYYY-MM-DD.', example: '2021-11-30' })
  receivedOn!: string;
}
