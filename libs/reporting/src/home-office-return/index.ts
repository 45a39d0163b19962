export * from './home-office-return.report';
export * from './home-office-return.versions';
export { homeOfficeReturnToCsv } from './home-office-return.csv';
export { homeOfficeReturnToXlsx, MONEY_FORMAT } from './home-office-return.xlsx';
export { FORECAST_LAPSE_EXPLANATION, returnDocument, returnIdentity, type ReturnIdentity } from './home-office-return.document';
export { renderReturn, returnToJson, RETURN_FORMATS, type ReturnFormat } from './home-office-return.output';
