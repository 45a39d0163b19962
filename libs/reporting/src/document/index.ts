export * from './printed-document';
export { renderDocumentPdf, type PdfLayout } from './printed-document.pdf';
export { renderDocumentText } from './printed-document.text';
export { identityLines, actorText, type DocumentIdentity } from './document-identity';
export { longDate, longMonth } from './printed-dates';
