import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { threeSixtyGivingPackage } from './three-sixty-giving.export';
import { clevelandSource, eventsOf, sourceOf, TEST_PREFIX } from './three-sixty-giving.test-builders';

/**
 * The standard's own JSON Schemas (copied into ./schema, see its README) judge the export. They
 * declare draft-04, which Ajv 8 does not ship; every keyword they use (type, required, properties,
 * items, enum, format, pattern, oneOf, minItems, uniqueItems, $ref to #/definitions) means the same
 * in draft-07, so only the $schema line is changed, in memory, for Ajv to accept them.
 */
type Schema = Record<string, unknown>;
const loadSchema = (file: string): Schema =>
  JSON.parse(readFileSync(join(__dirname, 'schema', file), 'utf8')) as Schema;
const asDraft07 = (schema: Schema): Schema => ({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' });

const packageSchema = loadSchema('360-giving-package-schema.json');
const grantSchemaUrl = ((packageSchema.properties as Schema).grants as { items: { $ref: string } }).items.$ref;

// strict: false because the standard annotates fields with its own keywords (weight, rollUp).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(asDraft07(loadSchema('360-giving-schema.json')), grantSchemaUrl);
const validatePackage = ajv.compile(asDraft07(packageSchema));

const errorsOf = (data: unknown): ErrorObject[] => (validatePackage(data) ? [] : [...(validatePackage.errors ?? [])]);

/** A deep, mutable copy to break on purpose. */
type Json = { [key: string]: any };
const mutableCopy = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

describe('the 360Giving JSON package, judged by the standard\'s schema', () => {
  it('resolves the grant schema the package schema refers to', () => {
    expect(grantSchemaUrl).toBe('https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4/schema/360-giving-schema.json');
  });

  it('accepts the export of the national allocation and Cleveland\'s decision', () => {
    expect(errorsOf(threeSixtyGivingPackage(clevelandSource(), { prefix: TEST_PREFIX }))).toEqual([]);
  });

  it('accepts the export of Norfolk\'s award with publisher and licence metadata', () => {
    const pkg = threeSixtyGivingPackage(sourceOf(eventsOf(['norfolk-2023'])), {
      prefix: TEST_PREFIX,
      publisher: { name: 'Office of the Police and Crime Commissioner for Norfolk' },
      license: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    });
    expect(errorsOf(pkg)).toEqual([]);
  });

  describe('the validator bites', () => {
    const valid = (): Json => mutableCopy(threeSixtyGivingPackage(clevelandSource(), { prefix: TEST_PREFIX }));

    it('rejects a grant without Amount Awarded', () => {
      const pkg = valid();
      delete pkg.grants[0].amountAwarded;
      expect(errorsOf(pkg)).toContainEqual(
        expect.objectContaining({ instancePath: '/grants/0', params: { missingProperty: 'amountAwarded' } }),
      );
    });

    it('rejects an amount written as a string, as the standard requires numbers', () => {
      const pkg = valid();
      pkg.grants[0].amountAwarded = '200124.66';
      expect(errorsOf(pkg)).toContainEqual(expect.objectContaining({ instancePath: '/grants/0/amountAwarded' }));
    });

    it('rejects a broken grant identifier', () => {
      const pkg = valid();
      pkg.grants[0].id = 42;
      expect(errorsOf(pkg)).toContainEqual(expect.objectContaining({ instancePath: '/grants/0/id' }));
    });

    it('rejects a recipient organisation without an identifier', () => {
      const pkg = valid();
      delete pkg.grants[0].recipientOrganization[0].id;
      expect(errorsOf(pkg)).toContainEqual(
        expect.objectContaining({
          instancePath: '/grants/0/recipientOrganization/0',
          params: { missingProperty: 'id' },
        }),
      );
    });

    it('rejects an award date that is not YYYY-MM-DD', () => {
      const pkg = valid();
      pkg.grants[0].awardDate = '01/07/2021';
      expect(errorsOf(pkg).map((e) => e.instancePath)).toContain('/grants/0/awardDate');
    });

    it('rejects a currency outside ISO 4217 and a package with no grants', () => {
      const pkg = valid();
      pkg.grants[0].currency = 'POUNDS';
      expect(errorsOf(pkg).map((e) => e.instancePath)).toContain('/grants/0/currency');
      expect(errorsOf({ grants: [] }).map((e) => e.keyword)).toContain('minItems');
    });
  });
});
