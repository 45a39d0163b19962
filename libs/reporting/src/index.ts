export * from './three-sixty-giving';
export * from './award-record';
export * from './certificate';
export * from './home-office-return';
export * from './document';
export * from './checkpoint';
