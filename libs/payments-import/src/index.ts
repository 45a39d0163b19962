export * from './column-mapping';
export * from './payments-file.errors';
export * from './payments-file.reader';
export * from './payment-commands';
export * from './payments-import';
