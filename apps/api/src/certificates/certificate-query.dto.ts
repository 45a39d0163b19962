import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { AsAtQueryDto } from '../queries/as-at-query.dto';

export class CertificateQueryDto extends AsAtQueryDto {
  @ApiProperty({ required: false, enum: ['json', 'pdf'], description: 'pdf: the same as `Accept: application/pdf`.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsIn(['json', 'pdf'], { message: '$property: must be json or pdf' })
  format?: 'json' | 'pdf';
}
