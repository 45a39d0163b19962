import { DateField, IdListField, MonthField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class ExtendProvisionDto extends AwardCommandBodyDto {
  @MonthField({ description: 'The new last month of provision; later than the current one.', example: '2022-10' })
  newEnd!: string;

  @DateField({ description: 'Date the extension was decided, YYYY-MM-DD: not before the award, not after today.', example: '2021-07-31' })
  decidedOn!: string;

  @TextField({ kind: 'prose', description: 'Why provision is extended.', example: 'Match funding enables an additional five months of provision to the end of October 2022' })
  reason!: string;

  @IdListField({ description: 'The contributions whose match funding pays for the added months.', example: ['m-opcc', 'm-hartlepool'] })
  fundedBy!: string[];
}
