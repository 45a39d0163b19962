export * from './ledger-view';
export * from './award-view.codec';
export * from './happened-by';
