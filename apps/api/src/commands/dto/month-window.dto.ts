import { MonthField } from '../validation/field.decorators';

/** An inclusive range of calendar months. */
export class MonthWindowDto {
  @MonthField({ description: 'First month, YYYY-MM.', example: '2021-10' })
  start!: string;

  @MonthField({ description: 'Last month, YYYY-MM (inclusive).', example: '2022-05' })
  end!: string;
}
