export * from './home-office-return.report';
export * from './home-office-return.versions';
export { homeOfficeReturnToCsv } from './home-office-return.csv';
export { homeOfficeReturnToXlsx, MONEY_FORMAT } from './home-office-return.xlsx';
