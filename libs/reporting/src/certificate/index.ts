export { certificationFigures, flattenFigures, formatFigure, type FlatFigure } from './certification-figures';
export { summariseAwardEvent, isFinancialEvent } from './event-summary';
export * from './certificate-status';
export { renderCertificatePdf } from './certificate.pdf';
