import { DateField, IdField, MoneyField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class PayDisbursementDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the grant of the path, repeated.', optional: true })
  grantId?: string;

  @IdField({ description: 'Id of the new payment, unique within the award.', example: 'd-harbour-2021-11' })
  disbursementId!: string;

  @MoneyField({ description: 'The amount paid (paid net of reversals may not exceed the commitment).', example: '15602.41' })
  amount!: string;

  @DateField({ description: 'Date paid, YYYY-MM-DD.', example: '2021-11-01' })
  paidOn!: string;

  @TextField({ kind: 'reference', description: 'Payment reference.', example: 'BACS 2021-11 Harbour' })
  reference!: string;
}
