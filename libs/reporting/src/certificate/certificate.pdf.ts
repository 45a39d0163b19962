import type { AwardRecord } from '../award-record/award-record';
import type { CheckpointStamp } from '../checkpoint/checkpoint-stamp';
import { renderDocumentPdf } from '../document/printed-document.pdf';
import { certificateDocument } from './certificate.document';
import type { CertificateReading } from './certificate-status';

/**
 * The certificate as a printable A4 PDF, its status at the top of every page. Rendered from the record
 * alone (the creation date is the time the certificate was recorded), so it prints the same twice.
 */
export const renderCertificatePdf = (
  reading: CertificateReading,
  record: AwardRecord,
  checkpoint?: CheckpointStamp | null,
): Promise<Buffer> => renderDocumentPdf(certificateDocument(reading, record, checkpoint));
