import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { ValidateIf, ValidateNested } from 'class-validator';
import { IsFinancialYear, IsIsoDate, IsMonth } from './calendar-value.decorators';
import { IsMoneyAmount } from './is-money-amount.decorator';
import { IsIdList, IsPresent, IsText } from './text.decorators';

/**
 * One decorator per kind of field of a command body: its OpenAPI schema and its class-validator
 * constraints together, so the documented shape and the checked shape cannot drift apart. Messages
 * start with the field, as the domain's do. The domain parser checks every body again afterwards
 * (ids' characters, blank text): these constraints exist to document and to fail early.
 */
export interface FieldDoc {
  readonly description: string;
  readonly example?: unknown;
  /** Optional fields are omitted when not wanted; null is refused, as the domain refuses it. */
  readonly optional?: boolean;
}

const presence = (doc: FieldDoc): PropertyDecorator[] =>
  doc.optional ? [ValidateIf((_object: object, value: unknown) => value !== undefined)] : [];

const documented = (doc: FieldDoc, schema: Record<string, unknown>): PropertyDecorator =>
  ApiProperty({ description: doc.description, example: doc.example, required: !doc.optional, ...schema });

// The same limits as the domain's parsers (libs/funding input/command-body.parser.ts).
export const ID_MAX_LENGTH = 100;
export const TEXT_LIMITS = { name: 300, reference: 200, prose: 2000 } as const;

export const IdField = (doc: FieldDoc): PropertyDecorator =>
  applyDecorators(
    documented(doc, { type: String, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$' }),
    ...presence(doc),
    IsText(ID_MAX_LENGTH)(),
  );

export const TextField = (doc: FieldDoc & { readonly kind: keyof typeof TEXT_LIMITS }): PropertyDecorator =>
  applyDecorators(
    documented(doc, { type: String, maxLength: TEXT_LIMITS[doc.kind] }),
    ...presence(doc),
    IsText(TEXT_LIMITS[doc.kind])(),
  );

export const MONEY_PATTERN = '^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$';

export const MoneyField = (doc: FieldDoc & { readonly allowZero?: boolean }): PropertyDecorator =>
  applyDecorators(
    documented(doc, {
      type: String,
      pattern: MONEY_PATTERN,
      description: `${doc.description} Pounds as a decimal string, at most 2 decimal places` +
        `${doc.allowZero ? ', 0.00 allowed' : ', greater than 0'}; never a JSON number.`,
    }),
    ...presence(doc),
    IsMoneyAmount({ allowZero: doc.allowZero }),
  );

export const MonthField = (doc: FieldDoc): PropertyDecorator =>
  applyDecorators(documented(doc, { type: String, pattern: '^[0-9]{4}-[0-9]{2}$' }), ...presence(doc), IsMonth());

export const DateField = (doc: FieldDoc): PropertyDecorator =>
  applyDecorators(documented(doc, { type: String, format: 'date' }), ...presence(doc), IsIsoDate());

export const FinancialYearField = (doc: FieldDoc): PropertyDecorator =>
  applyDecorators(
    documented(doc, { type: String, pattern: '^[0-9]{4}-[0-9]{2}$' }),
    ...presence(doc),
    IsFinancialYear(),
  );

/** A nested object (an organisation, a window), validated field by field, unknown fields refused. */
export const NestedField = (doc: FieldDoc & { readonly type: () => new () => object }): PropertyDecorator =>
  applyDecorators(
    documented(doc, { type: doc.type }),
    ...presence(doc),
    // Nested validation skips an absent value, so a required one is checked for presence first.
    ...(doc.optional ? [] : [IsPresent()]),
    ValidateNested({ message: '$property: must be an object' }),
    TransformTo(doc.type),
  );

export const IdListField = (doc: FieldDoc): PropertyDecorator =>
  applyDecorators(
    documented(doc, { type: [String] }),
    ...presence(doc),
    IsIdList(),
  );
