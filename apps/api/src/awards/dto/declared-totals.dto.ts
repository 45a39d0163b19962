import { MoneyField } from '../../commands/validation/field.decorators';

/** The totals a decision states, each checked against the ledger (0.00 allowed: "no match funding"). */
export class DeclaredTotalsDto {
  @MoneyField({ description: 'The award amount the decision states.', example: '200124.66', optional: true, allowZero: true })
  awardAmount?: string;

  @MoneyField({ description: 'The match funding total it states.', optional: true, allowZero: true })
  matchTotal?: string;

  @MoneyField({ description: 'The grants total it states.', example: '296617.00', optional: true, allowZero: true })
  grantsTotal?: string;
}
