import pdfParse from 'pdf-parse';
import { readCertificate } from './certificate-status';
import { renderCertificatePdf } from './certificate.pdf';
import { firstPayment, norfolkRecorder, recordOf } from './certificate.test-builders';

/** pdf-parse joins a table row's cells without a separator; spaces and line breaks are not the point here. */
const textOf = async (pdf: Buffer): Promise<string> => (await pdfParse(pdf)).text.replace(/\s+/g, ' ');

describe('a printed budget certificate', () => {
  const record = recordOf(norfolkRecorder().events);
  const reading = readCertificate(record, 1)!;
  let text: string;
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderCertificatePdf(reading, record.view);
    text = await textOf(pdf);
  });

  it('is a PDF', () => expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-'));

  it('names the decision, the award and its recipient', () => {
    expect(text).toContain('Decision21/2023');
    expect(text).toContain('norfolk-change-2023');
    expect(text).toContain('Police and Crime Commissioner for Norfolk');
  });

  it('lists the certified figures in en-GB money', () => {
    expect(text).toContain('Award amount£169,675.00');
    expect(text).toContain('Committed to grants£169,675.00');
    expect(text).toContain('Paid (net of reversals)£0.00');
    expect(text).toContain('Grant g-change-project: committed£169,675.00');
    expect(text).toContain('Months funded12.0000');
  });

  it('spells out the basis and (d)', () => {
    expect(text).toContain('(b) The costs of this decision can be met from existing revenue or capital budgets.');
    expect(text).toContain('(d) Financial regulations have been complied with.');
  });

  it('names the officer and the date, and carries the hash of the figures', () => {
    expect(text).toContain('Chief Finance Officer (Section 151 Officer)');
    expect(text).toContain('31 July 2023');
    expect(text).toContain(reading.certificate.data.figuresHash);
  });

  it('says the certificate is current', () => expect(text).toContain('Status: current at revision 3'));

  it('says a stale certificate is stale, and why', async () => {
    const later = norfolkRecorder();
    later.record(firstPayment);
    const stale = recordOf(later.events);
    const staleText = await textOf(await renderCertificatePdf(readCertificate(stale, 1)!, stale.view));
    expect(staleText).toContain('Status: STALE at revision 4; 1 financial event(s) recorded since.');
    expect(staleText).toContain('£14,139.59 paid to grant g-change-project on 2023-08-15');
    // Still the figures as certified, not as they are now.
    expect(staleText).toContain('Paid (net of reversals)£0.00');
  });
});
