import { DateField, IdField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

/** A payment is reversed whole, never edited. */
export class ReverseDisbursementDto extends AwardCommandBodyDto {
  @IdField({ description: 'Optional: the disbursement of the path, repeated.', optional: true })
  disbursementId?: string;

  @DateField({ description: 'Date the payment was reversed, YYYY-MM-DD: not before the payment, not after today.', example: '2021-12-15' })
  reversedOn!: string;

  @TextField({ kind: 'prose', description: 'Why the payment is reversed.', example: 'Paid to the wrong account' })
  reason!: string;
}
