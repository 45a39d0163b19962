import { ApiProperty } from '@nestjs/swagger';
import { CERTIFICATE_ACKNOWLEDGEMENTS, type CertificateAcknowledgement } from '@fundledger/funding';
import { IsArray, IsBoolean, IsIn, ValidateIf } from 'class-validator';
import { AwardCommandBodyDto } from '../../awards/dto/award-command-body.dto';
import { OrganisationDto } from '../../commands/dto/organisation.dto';
import { DateField, NestedField, TextField } from '../../commands/validation/field.decorators';

/** The Section 151 officer's certificate; the figures it pins are the ledger's, never sent by the caller. */
export class CertifyBudgetDto extends AwardCommandBodyDto {
  @ApiProperty({
    enum: ['a', 'b', 'c'],
    description:
      'Exactly one basis: (a) no financial consequences; (b) costs met from existing revenue or capital budgets; (c) costs financed from reserves.',
    example: 'b',
  })
  @IsIn(['a', 'b', 'c'], { message: '$property: must be exactly one of "a", "b" or "c"' })
  basis!: 'a' | 'b' | 'c';

  @ApiProperty({ description: '(d) financial regulations have been complied with: must be true (false is refused, 422).', example: true })
  @IsBoolean({ message: '$property: must be true or false' })
  regulationsComplied!: boolean;

  @NestedField({ type: () => OrganisationDto, description: 'The certifying officer.' })
  officer!: OrganisationDto;

  @DateField({ description: 'Date of the certificate, YYYY-MM-DD.', example: '2023-07-31' })
  certifiedOn!: string;

  @TextField({ kind: 'reference', description: 'The recorded decision whose budget is certified.', example: '21/2023' })
  decisionRef!: string;

  @ApiProperty({
    enum: CERTIFICATE_ACKNOWLEDGEMENTS,
    isArray: true,
    required: false,
    description:
      'What the officer acknowledges in certifying: DECISION_TOTAL_MISMATCH when a total the decision declares differs ' +
      'from the ledger, PLANNED_SHORTFALL when part of the planned cost is met by no source. Every one that applies ' +
      'must be listed (422 ACKNOWLEDGEMENT_REQUIRED names what is missing, with its figures); one that does not apply ' +
      'is refused (422 ACKNOWLEDGEMENT_NOT_APPLICABLE). The certificate prints each.',
    example: ['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL'],
  })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsArray({ message: '$property: must be an array' })
  @IsIn(CERTIFICATE_ACKNOWLEDGEMENTS, { each: true, message: `$property: each must be one of ${CERTIFICATE_ACKNOWLEDGEMENTS.join(', ')}` })
  acknowledged?: CertificateAcknowledgement[];
}
