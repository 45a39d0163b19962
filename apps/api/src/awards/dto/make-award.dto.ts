import { CommandBodyDto } from '../../commands/dto/command-body.dto';
import { MonthWindowDto } from '../../commands/dto/month-window.dto';
import { OrganisationDto } from '../../commands/dto/organisation.dto';
import { DateField, IdField, MoneyField, NestedField, TextField } from '../../commands/validation/field.decorators';

export class MakeAwardDto extends CommandBodyDto {
  @IdField({ description: 'Id of the new award.', example: 'dapi21-cleveland' })
  awardId!: string;

  @IdField({ description: 'The programme it is made from, which must be open.', example: 'dapi-2021', optional: true })
  programmeId?: string;

  @NestedField({ type: () => OrganisationDto, description: 'Who gives the award.' })
  funder!: OrganisationDto;

  @NestedField({ type: () => OrganisationDto, description: 'Who receives it.' })
  recipient!: OrganisationDto;

  @MoneyField({ description: 'The amount awarded.', example: '200333.33' })
  amount!: string;

  @DateField({ description: 'Date of the award, YYYY-MM-DD.', example: '2021-07-01' })
  awardedOn!: string;

  @NestedField({ type: () => MonthWindowDto, description: "The eligibility window: the months the funder's money may be spent in." })
  window!: MonthWindowDto;

  @TextField({ kind: 'reference', description: 'Reference of the funding decision.', example: 'HO-DAPI-2021' })
  decisionRef!: string;

  @TextField({ kind: 'prose', description: 'What the award pays for.', example: 'Domestic abuse perpetrator interventions (1 bid)' })
  description!: string;
}
