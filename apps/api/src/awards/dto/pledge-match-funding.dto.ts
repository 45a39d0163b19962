import { MonthWindowDto } from '../../commands/dto/month-window.dto';
import { OrganisationDto } from '../../commands/dto/organisation.dto';
import { DateField, IdField, MoneyField, NestedField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class PledgeMatchFundingDto extends AwardCommandBodyDto {
  @IdField({ description: 'Id of the new contribution, unique within the award.', example: 'm-opcc' })
  contributionId!: string;

  @NestedField({ type: () => OrganisationDto, description: 'The partner who pledges.' })
  contributor!: OrganisationDto;

  @MoneyField({ description: 'The amount pledged.', example: '38117.00' })
  amount!: string;

  @DateField({ description: 'Date the contribution was pledged, YYYY-MM-DD: not after today.', example: '2021-07-31' })
  pledgedOn!: string;

  @NestedField({ type: () => MonthWindowDto, description: 'Months the contribution may pay for; default: the provision period.', optional: true })
  window?: MonthWindowDto;

  @TextField({ kind: 'reference', description: 'The document of the pledge.', example: 'Decision 2021-7335', optional: true })
  reference?: string;
}
