import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { AwardRecordQueryDto } from '../award-records/award-record-query.dto';

export class CertificateQueryDto extends AwardRecordQueryDto {
  @ApiProperty({ required: false, enum: ['json', 'pdf'], description: 'pdf: the same as `Accept: application/pdf`.' })
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @IsIn(['json', 'pdf'], { message: '$property: must be json or pdf' })
  format?: 'json' | 'pdf';
}
