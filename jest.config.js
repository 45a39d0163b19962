/** One jest run for unit specs, real-store integration specs and end-to-end specs. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    // Specific entries before the generic one: the first pattern that matches wins.
    '^@fundledger/funding/application$': '<rootDir>/libs/funding/src/application',
    '^@fundledger/(money|calendar|event-store|funding|projections|reporting|testing|access|audit|payments-import)$': '<rootDir>/libs/$1/src',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  setupFiles: ['<rootDir>/test/signing-key.jest-setup.ts'],
  testTimeout: 30000,
};
