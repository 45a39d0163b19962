import { InvalidCalendarValueError } from '@fundledger/calendar';
import { InvalidAmountError } from '@fundledger/money';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** Why a value at `field` is refused ("amount: 3 decimal places, at most 2 allowed"), or undefined when it is fine. */
export type ReasonOf = (value: unknown, field: string) => string | undefined;

/** Reads a value the way the domain does, throwing InvalidAmountError/InvalidCalendarValueError when it cannot. */
export type ValueParser = (value: unknown, field: string) => unknown;

export const describeType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** The parser's own reason, or undefined when the value parses. */
export const parserReason = (parse: ValueParser, value: unknown, field: string): string | undefined => {
  try {
    parse(value, field);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidAmountError || error instanceof InvalidCalendarValueError) return error.message;
    throw error;
  }
};

/**
 * A class-validator constraint with one message per field, which starts with the property name as the
 * domain's field errors do; ValidationPipe prefixes the parent path for nested DTOs (`window.start: …`).
 * A missing value is "required" (optional fields are skipped before this runs, see field.decorators.ts).
 */
export const constraint =
  (name: string, reasonOf: ReasonOf) =>
  (validationOptions?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) => {
    const reason = (value: unknown, field: string): string | undefined =>
      value === undefined ? `${field}: required` : reasonOf(value, field);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => reason(value, args.property) === undefined,
        defaultMessage: (args: ValidationArguments) => reason(args.value, args.property) ?? `${args.property}: is not valid`,
      },
    });
  };

/**
 * A constraint that delegates to a parser of @fundledger/money or /calendar, so that the DTO layer and
 * the domain refuse the same values with the same words.
 */
export const parsedBy = (name: string, parse: ValueParser) =>
  constraint(name, (value, field) => parserReason(parse, value, field));
