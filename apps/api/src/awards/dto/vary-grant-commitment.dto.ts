import { DateField, IdField, MoneyField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class VaryGrantCommitmentDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the grant of the path, repeated.', optional: true })
  grantId?: string;

  @MoneyField({ description: 'The commitment from now on (0.00 cancels it; never below what is paid).', example: '180000.00', allowZero: true })
  newAmount!: string;

  @DateField({ description: 'Date the variation takes effect, YYYY-MM-DD: not before the commitment, not after today.', example: '2021-09-01' })
  effectiveOn!: string;

  @TextField({ kind: 'prose', description: 'Why the commitment changes.', example: 'Service scaled back' })
  reason!: string;
}
