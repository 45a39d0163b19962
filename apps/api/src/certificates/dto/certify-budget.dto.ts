import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
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
}
