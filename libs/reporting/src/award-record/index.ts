export * from './award-record';
export * from './pinned-figures';
export * from './decision-context';
export * from './read-award-record';
