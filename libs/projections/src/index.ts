export * from './funded-months';
