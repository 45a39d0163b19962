export * from './award-position.report';
export { awardPositionToTable } from './award-position.table';
export { awardPositionToCsv } from './award-position.csv';
