export * from './figure-lineage';
export * from './figure-lineage.formats';
