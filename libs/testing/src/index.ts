export * from './decider-specification';
export * from './fixture-events';
