export * from './copy-log';
export * from './migration.errors';
export * from './store-location';
