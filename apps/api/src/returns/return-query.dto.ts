import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { AsAtQueryDto } from '../queries/as-at-query.dto';

const given = (_object: object, value: unknown): boolean => value !== undefined;

import { RETURN_FORMATS, type ReturnFormat } from '@fundledger/reporting';

export class ReturnQueryDto extends AsAtQueryDto {
  @ApiProperty({ required: false, enum: RETURN_FORMATS, description: 'Instead of the Accept header.' })
  @ValidateIf(given)
  @IsIn(RETURN_FORMATS, { message: '$property: must be json, csv, xlsx or pdf' })
  format?: ReturnFormat;

  @ApiProperty({ required: false, description: 'A submitted version (1, 2, …); the latest submission by default.', example: '1' })
  @ValidateIf(given)
  @Matches(/^[1-9][0-9]{0,5}$/, { message: '$property: must be a version number like 1' })
  version?: string;

  @ApiProperty({
    required: false,
    enum: ['true'],
    description: 'true: the live figures as the ledger stands, even when the quarter has been submitted.',
  })
  @ValidateIf(given)
  @IsIn(['true', 'false'], { message: '$property: must be true or false' })
  draft?: 'true' | 'false';
}
