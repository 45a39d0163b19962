export { certificationFigures, flattenFigures, formatFigure, type FlatFigure } from './certification-figures';
export { summariseAwardEvent, certificateEffectOf, type CertificateEffect } from './event-summary';
export * from './certificate-status';
export { renderCertificatePdf } from './certificate.pdf';
export { certificateDocument, certificateBanner, declaredChecks } from './certificate.document';
