import { CommandBodyDto } from '../../commands/dto/command-body.dto';
import { IdField } from '../../commands/validation/field.decorators';

/** A command on an existing award: the award is named by the path, and may be repeated (identically) in the body. */
export abstract class AwardCommandBodyDto extends CommandBodyDto {
  @IdField({ description: 'Optional: the award of the path, repeated (a fixture entry may be posted as is).', optional: true })
  awardId?: string;
}
