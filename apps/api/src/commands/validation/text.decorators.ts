import { constraint, describeType } from './parser-constraint';

/** A non-blank string of at most `maxLength` characters (ids, names, references, reasons). */
export const IsText = (maxLength: number) =>
  constraint(`isTextUpTo${maxLength}`, (value, field) => {
    if (typeof value !== 'string') return `${field}: must be a string, got ${describeType(value)}`;
    if (value.trim() === '') return `${field}: must not be blank`;
    if (value.length > maxLength) return `${field}: at most ${maxLength} characters, got ${value.length}`;
    return undefined;
  });

/** A non-empty array of id strings (the domain checks each id's characters and that none repeats). */
export const IsIdList = constraint('isIdList', (value, field) => {
  if (!Array.isArray(value)) return `${field}: must be an array of ids, got ${describeType(value)}`;
  if (value.length === 0) return `${field}: must name at least one id`;
  const index = value.findIndex((item) => typeof item !== 'string');
  return index === -1 ? undefined : `${field}[${index}]: must be a string, got ${describeType(value[index])}`;
});

/** Present, whatever its value: nested validation skips an absent object, so a required one is checked here. */
export const IsPresent = constraint('isPresent', () => undefined);
