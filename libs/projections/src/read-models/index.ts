export * from './read-model.errors';
export * from './read-model.store';
export * from './ledger-snapshot';
export * from './ledger-rows';
export * from './ledger-projection';
export * from './ledger-reader';
export * from './ledger-rebuild';
export * from './read-models.module';
