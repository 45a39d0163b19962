export * from './checkpoint-stamp';
