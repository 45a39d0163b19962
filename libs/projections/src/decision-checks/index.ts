export * from './decision-checks.report';
export { decisionChecksToCsv, decisionChecksToTable } from './decision-checks.formats';
