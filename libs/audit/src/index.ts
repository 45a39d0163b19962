export * from './log-audit';
