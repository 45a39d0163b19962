import { DateField, MoneyField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

/** After closure nothing financial may be recorded on the award. */
export class CloseAwardDto extends AwardCommandBodyDto {
  @DateField({ description: 'Date of closure, YYYY-MM-DD.', example: '2022-11-30' })
  closedOn!: string;

  @MoneyField({ description: 'Underspend returned to the funder (0.00 when fully spent).', example: '0.00', allowZero: true })
  underspendReturned!: string;
}
