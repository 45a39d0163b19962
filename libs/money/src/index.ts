export { Money, InvalidAmountError } from './money';
export { splitEven, allocate } from './split';
export type { Decimal } from './money-decimal';
