export * from './ledger-view';
export * from './award-view.codec';
