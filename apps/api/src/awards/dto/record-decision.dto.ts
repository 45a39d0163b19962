import { DateField, NestedField, TextField } from '../../commands/validation/field.decorators';
import { AwardCommandBodyDto } from './award-command-body.dto';
import { DeclaredTotalsDto } from './declared-totals.dto';

export class RecordDecisionDto extends AwardCommandBodyDto {
  @TextField({ kind: 'reference', description: 'Reference of the published decision.', example: '2021-7335' })
  decisionRef!: string;

  @DateField({ description: 'Date of the decision, YYYY-MM-DD.', example: '2021-07-31' })
  decidedOn!: string;

  @NestedField({ type: () => DeclaredTotalsDto, description: 'The totals the decision states; may be {}.' })
  declared!: DeclaredTotalsDto;
}
