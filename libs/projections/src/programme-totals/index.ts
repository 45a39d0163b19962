export * from './programme-totals.report';
export { programmeTotalsToCsv, programmeTotalsToTable } from './programme-totals.formats';
