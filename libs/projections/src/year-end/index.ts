export * from './year-end.report';
export * from './year-end.formats';
export * from './year-end.read';
