import { CommandBodyDto } from '../../commands/dto/command-body.dto';
import { OrganisationDto } from '../../commands/dto/organisation.dto';
import { DateField, FinancialYearField, IdField, MoneyField, NestedField, TextField } from '../../commands/validation/field.decorators';

export class OpenProgrammeDto extends CommandBodyDto {
  @IdField({ description: 'Id of the new programme.', example: 'dapi-2021' })
  programmeId!: string;

  @TextField({ kind: 'name', description: 'The programme as the funder names it.', example: 'Domestic Abuse Perpetrator Interventions Fund 2021/22' })
  name!: string;

  @NestedField({ type: () => OrganisationDto, description: 'The funder whose pot it is.' })
  funder!: OrganisationDto;

  @MoneyField({ description: 'The announced envelope (awards may exceed it; the programme view says by how much).', example: '11300000.00' })
  envelope!: string;

  @FinancialYearField({ description: 'UK financial year, YYYY-YY.', example: '2021-22' })
  financialYear!: string;

  @DateField({ description: 'Date the programme was opened, YYYY-MM-DD: not after today.', example: '2021-07-01' })
  openedOn!: string;
}
