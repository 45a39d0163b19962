export * from './role.permissions';
export * from './access-token.errors';
export * from './access-token.service';
export * from './token-lifetime';
export * from './signing-secret.config';
export { loadSigningSecret } from './signing-secret.store';
export { createPrivateFileOnce } from './private-file';
