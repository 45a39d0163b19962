import { IdField, TextField } from '../validation/field.decorators';

/** Funder, recipient, contributor or grantee: a 360Giving org identifier where one is known, else a local slug. */
export class OrganisationDto {
  @IdField({ description: 'Org identifier (360Giving convention) or a local slug.', example: 'harbour' })
  id!: string;

  @TextField({ kind: 'name', description: 'The organisation as it is named in the decision.', example: 'Harbour' })
  name!: string;
}
