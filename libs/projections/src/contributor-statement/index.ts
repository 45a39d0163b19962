export * from './contributor-statement.report';
export { contributorStatementToCsv, contributorStatementToTable } from './contributor-statement.formats';
