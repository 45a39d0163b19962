export * from './merkle-tree';
export * from './merkle-frontier';
export * from './event-leaf';
export * from './tree-head';
export * from './log-tree';
