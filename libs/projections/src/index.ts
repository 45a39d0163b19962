export * from './funded-months';
export * from './ledger';
export * from './award-position';
export * from './programme-totals';
export * from './contributor-statement';
export * from './decision-checks';
export * from './read-models';
export { monthLabel, renderColumns, renderFigures, type Align } from './report-table';
export { toCsv, neutraliseCsvCell } from './csv/csv';
