import { pdfPages } from '../document/read-back.test-builders';
import { readCertificate } from './certificate-status';
import { certificateDocument } from './certificate.document';
import { renderCertificatePdf } from './certificate.pdf';
import { renderDocumentText } from '../document/printed-document.text';
import {
  certifyCleveland,
  CLEVELAND,
  clevelandRecorder,
  firstPayment,
  norfolkRecorder,
  norfolkVariation,
  recordOf,
} from './certificate.test-builders';

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

describe('a printed budget certificate', () => {
  describe('of Norfolk decision 21/2023, as issued', () => {
    const record = recordOf(norfolkRecorder().events);
    const reading = readCertificate(record, 1)!;
    let pages: string[];
    let pdf: Buffer;

    beforeAll(async () => {
      pdf = await renderCertificatePdf(reading, record);
      pages = (await pdfPages(pdf)).map(oneLine);
    });

    it('is a PDF of two pages, each headed by its status', () => {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pages).toHaveLength(2);
      for (const page of pages) expect(page.startsWith('CURRENT at revision 3: the certified budget is unchanged')).toBe(true);
    });

    it('says which certificate it is: award, funder and its reference, decision, date, issuer, hash', () => {
      const [first] = pages;
      expect(first).toContain('Award norfolk-change-2023');
      expect(first).toContain('Funder OPCC for Norfolk revenue budget (reference 21/2023)');
      expect(first).toContain('Certificate 1 of 1');
      expect(first).toContain('Decision 21/2023 of 31 July 2023');
      expect(first).toContain('Certified by fixture-import (finance-officer)');
      expect(first).toContain(`Figures sha256 ${reading.certificate.data.figuresHash}`);
    });

    it('puts the budget certified first, organisations by name with their ids in small print', () => {
      const [first] = pages;
      expect(first.indexOf('Budget certified')).toBeLessThan(first.indexOf('Decision 21/2023 Decision'));
      expect(first).toContain('Award from OPCC for Norfolk revenue budget £169,675.00');
      expect(first).toContain('Committed to The Change Project £169,675.00 grant g-change-project');
      expect(first).toContain('Planned shortfall: met by no source £0.00 no month is short');
      expect(first).not.toContain('Grant g-change-project');
    });

    it('checks the decision’s declared totals against the ledger', () =>
      expect(pages[0]).toContain('Grants total £169,675.00 £169,675.00 £0.00 agrees'));

    it('spells out the basis and (d), then the signature block with the officer and the authenticated issuer', () => {
      const [first] = pages;
      expect(first).toContain('(b) The costs of this decision can be met from existing revenue or capital budgets.');
      expect(first).toContain('(d) Financial regulations have been complied with.');
      expect(first).toContain(
        'Officer Chief Finance Officer (Section 151 Officer) (opccn-cfo) Issued by (authenticated) fixture-import (finance-officer) Date 31 July 2023',
      );
    });

    it('says nothing needed acknowledging', () => expect(pages.join(' ')).toContain('Nothing needed acknowledging'));
  });

  describe('of Norfolk after a payment and then a variation of the commitment', () => {
    const recorder = norfolkRecorder();
    recorder.record(firstPayment);
    const afterPayment = recordOf(recorder.events);
    recorder.record(norfolkVariation);
    const afterVariation = recordOf(recorder.events);

    it('reads current after the payment on every page, listing it as since certification', async () => {
      const pages = (await pdfPages(await renderCertificatePdf(readCertificate(afterPayment, 1)!, afterPayment))).map(oneLine);
      for (const page of pages) expect(page).toMatch(/^CURRENT at revision 4: the certified budget is unchanged; 1 payment\(s\) or receipt\(s\) since/);
      const all = pages.join(' ');
      expect(all).toContain('Since certification: payments and receipts');
      expect(all).toContain('£14,139.59 paid to The Change Project on 2023-08-15 (BACS 0815)');
      expect(all).not.toContain('STALE');
    });

    it('reads STALE after the variation at the top of every page, listing the change figure by figure', async () => {
      const pages = (await pdfPages(await renderCertificatePdf(readCertificate(afterVariation, 1)!, afterVariation))).map(oneLine);
      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        expect(page).toMatch(/^STALE: the certified budget has changed since certification \(1 change\(s\), revision 5\)/);
      }
      const all = pages.join(' ');
      expect(all).toContain('commitment to The Change Project varied to £160,000.00 (Scope reduced)');
      expect(all).toContain('Committed to grants £169,675.00 £160,000.00');
      // Still the figures as certified, not as they are now.
      expect(pages[0]).toContain('Committed to The Change Project £169,675.00');
    });

    it('says the same first in text', () =>
      expect(renderDocumentText(certificateDocument(readCertificate(afterVariation, 1)!, afterVariation))[0]).toMatch(/^STALE: /));
  });

  describe('of Cleveland decision 2021-7335, acknowledging its mismatch and shortfall', () => {
    const recorder = clevelandRecorder();
    recorder.record(certifyCleveland(['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL']));
    const record = recordOf(recorder.events, CLEVELAND);
    let all: string;

    beforeAll(async () => {
      all = (await pdfPages(await renderCertificatePdf(readCertificate(record, 1)!, record))).map(oneLine).join(' ');
    });

    it('shows the £1,000.00 difference between the declared grants total and the commitments', () =>
      expect(all).toContain('Grants total £296,617.00 £295,617.00 +£1,000.00 MISMATCH'));

    it('prints each acknowledgement with its figures', () => {
      expect(all).toContain(
        'The decision’s declared totals differ from the ledger (DECISION_TOTAL_MISMATCH): Grants total: declared £296,617.00, ledger £295,617.00, difference +£1,000.00.',
      );
      expect(all).toContain(
        'Part of the planned cost of provision is met by no source (PLANNED_SHORTFALL): £15,581.84 of the planned cost of provision is met by no source, from October 2022.',
      );
    });

    it('puts the planned shortfall and its first month among the budget figures, not in a list of forty', () =>
      expect(all).toContain('Planned shortfall: met by no source £15,581.84 first month short: October 2022'));

    it('lists match funding and commitments by name', () => {
      expect(all).toContain('Match funding from Hartlepool Borough Council £15,000.00');
      expect(all).toContain("Committed to My Sister's Place £101,388.00");
    });

    it('tells the certificate’s lapse apart from a return’s', () =>
      expect(all).toContain('Would lapse unused under the planned profile (returnable) £18,206.50'));
  });
});

describe('a certificate issued before acknowledgements were required', () => {
  it('says what it did not acknowledge, rather than that nothing needed it', () => {
    const recorder = clevelandRecorder();
    recorder.record(certifyCleveland(['DECISION_TOTAL_MISMATCH', 'PLANNED_SHORTFALL']));
    const record = recordOf(recorder.events, CLEVELAND);
    // As recorded by an earlier release: no acknowledged field.
    const { acknowledged: _, ...older } = record.certificates[0].data;
    const earlier = { ...record, certificates: [{ ...record.certificates[0], data: older }] };
    const text = renderDocumentText(certificateDocument(readCertificate(earlier, 1)!, earlier)).join('\n');
    expect(text).toContain('NOT ACKNOWLEDGED (issued before acknowledgements were required): The decision’s declared totals differ');
    expect(text).toContain('NOT ACKNOWLEDGED (issued before acknowledgements were required): Part of the planned cost');
    expect(text).not.toContain('Nothing needed acknowledging');
  });
});
