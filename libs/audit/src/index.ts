export * from './audit.errors';
export * from './checkpoint';
export * from './log-audit';
export * from './log-auditor';
export * from './signing-key.config';
export * from './signing-key.store';
export * from './audit.module';
