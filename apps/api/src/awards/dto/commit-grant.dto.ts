import { OrganisationDto } from '../../commands/dto/organisation.dto';
import { DateField, IdField, MoneyField, NestedField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';

export class CommitGrantDto extends AwardCommandBodyDto {
  @IdField({ description: 'Id of the new grant, unique within the award.', example: 'g-harbour' })
  grantId!: string;

  @NestedField({ type: () => OrganisationDto, description: 'The delivery organisation.' })
  grantee!: OrganisationDto;

  @MoneyField({ description: 'The amount committed (commitments may not exceed available funding).', example: '187229.00' })
  amount!: string;

  @DateField({ description: 'Date the grant was committed, YYYY-MM-DD: not before the award, not after today.', example: '2021-07-31' })
  committedOn!: string;

  @TextField({ kind: 'prose', description: 'What the grant pays for.', example: 'Team around the Couple delivery' })
  purpose!: string;
}
