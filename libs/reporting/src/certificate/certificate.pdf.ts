import type { JsonObject } from '@fundledger/event-store';
import type { AwardView } from '@fundledger/projections';
import { checkpointStampLine, type CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import { flattenFigures, formatFigure } from './certification-figures';
import { basisText, REGULATIONS_TEXT, type CertificateReading } from './certificate-status';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2023-07-31' -> '31 July 2023', as the certificate form writes dates. */
const longDate = (isoDate: string): string => {
  const [year, month, day] = isoDate.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
};

const PAGE = { margin: 56, labelWidth: 300, valueWidth: 180 };

/**
 * The certificate as a printable A4 PDF: the decision, the award, the certified figures in en-GB money,
 * the basis spelled out, (d), the officer, the date, the sha256 of the figures and whether the
 * certificate is still current. Rendered from the record alone (the creation date is the time the
 * certificate was recorded), so the same certificate prints to the same document.
 */
export const renderCertificatePdf = async (reading: CertificateReading, view: AwardView, checkpoint?: CheckpointStamp): Promise<Buffer> => {
  // Loaded when a certificate is printed: most users of this library never need pdfkit.
  const { default: PDFDocument } = await import('pdfkit');
  const { certificate, status } = reading;
  const { data } = certificate;
  const { award } = view;
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `Section 151 certificate: decision ${data.decisionRef}`,
      Subject: `Award ${award.awardId}`,
      Author: data.officer.name,
      CreationDate: new Date(certificate.recordedAt),
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margin;
  const heading = (text: string): void => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(text, left);
    doc.moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const row = (label: string, value: string): void => {
    if (doc.y > doc.page.height - PAGE.margin - 28) doc.addPage();
    const y = doc.y;
    doc.text(label, left, y, { width: PAGE.labelWidth });
    const afterLabel = doc.y;
    doc.text(value, left + PAGE.labelWidth, y, { width: PAGE.valueWidth, align: 'right' });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  };

  doc.font('Helvetica-Bold').fontSize(16).text('Section 151 Officer budget certificate', left);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  row('Decision', data.decisionRef);
  row('Award', award.awardId);
  row('Funder', award.funder.name);
  row('Recipient', award.recipient.name);
  doc.text(award.description, left, doc.y, { width: PAGE.labelWidth + PAGE.valueWidth });

  heading('Figures certified');
  for (const figure of flattenFigures(data.figures as JsonObject)) row(figure.label, formatFigure(figure.value));

  heading('Basis');
  doc.text(`(${data.basis}) ${basisText(data.basis)}`, left);
  doc.moveDown(0.3).text(`(d) ${data.regulationsComplied ? REGULATIONS_TEXT : 'Financial regulations: NOT stated as complied with.'}`);

  heading('Certified by');
  row('Officer', data.officer.name);
  row('Certified on', longDate(data.certifiedOn));
  row('Award stream revision certified', String(data.atRevision));

  heading('Integrity');
  doc.text('sha256 of the certified figures (canonical JSON):', left);
  doc.font('Courier').fontSize(9).text(data.figuresHash, left);
  doc.font('Helvetica').fontSize(10).moveDown(0.5);
  const statusLine =
    status.status === 'current'
      ? `Status: current at revision ${status.asAtRevision}; no financial event has been recorded since.`
      : `Status: STALE at revision ${status.asAtRevision}; ${status.eventsSince.length} financial event(s) recorded since.`;
  doc.font('Helvetica-Bold').text(statusLine, left).font('Helvetica');
  for (const event of status.eventsSince) doc.text(`• revision ${event.revision}: ${event.summary}`, left + 12);
  if (checkpoint !== undefined) doc.moveDown(0.5).fontSize(8).text(checkpointStampLine(checkpoint), left).fontSize(10);

  doc.end();
  return done;
};
