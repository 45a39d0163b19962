import type { DocumentBlock, DocumentTable, IdentityLine, PrintedDocument } from './printed-document';

const MARGIN = 50;
const BANNER_HEIGHT = 22;
const ALERT = '#b00020';

export interface PdfLayout {
  readonly layout?: 'portrait' | 'landscape';
}

/**
 * Prints a document to A4: the banner at the top of every page and "page n of m" at the foot (drawn
 * once every page exists, so both are on each one), the identity block, then the sections. Rows never
 * split across pages; table headings repeat on a new page.
 */
export const renderDocumentPdf = async (document: PrintedDocument, options: PdfLayout = {}): Promise<Buffer> => {
  // Loaded when a document is printed: most users of this library never need pdfkit.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: { top: MARGIN + BANNER_HEIGHT, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: document.title,
      Subject: document.about.subject,
      Author: document.about.author,
      CreationDate: new Date(document.about.createdAt),
    },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = (): number => doc.page.height - MARGIN;
  const ensure = (height: number): boolean => {
    if (doc.y + height <= bottom()) return false;
    doc.addPage();
    return true;
  };

  const lines = (items: readonly IdentityLine[], labelWidth: number): void => {
    for (const line of items) {
      doc.font(line.code ? 'Courier' : 'Helvetica').fontSize(line.code ? 8 : 9);
      const height = Math.max(doc.heightOfString(line.value, { width: width - labelWidth }), 11);
      doc.font('Helvetica').fontSize(9);
      ensure(height + 2);
      const y = doc.y;
      doc.fillColor('#555555').text(line.label, left, y, { width: labelWidth - 6 });
      doc.fillColor('black').font(line.code ? 'Courier' : 'Helvetica').fontSize(line.code ? 8 : 9).text(line.value, left + labelWidth, y, { width: width - labelWidth });
      doc.y = Math.max(doc.y, y + height) + 2;
    }
  };

  const drawTable = (t: DocumentTable): void => {
    const widths = t.columns.map((c) => c.width * width);
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const heading = (): void => {
      doc.font('Helvetica-Bold').fontSize(8.5).fillColor('#333333');
      const y = doc.y;
      t.columns.forEach((c, i) => doc.text(c.heading, xs[i] + 2, y, { width: widths[i] - 4, align: c.align ?? 'left' }));
      doc.y = y + Math.max(...t.columns.map((c, i) => doc.heightOfString(c.heading, { width: widths[i] - 4 }))) + 2;
      doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor('#999999').stroke();
      doc.y += 3;
      doc.fillColor('black');
    };
    doc.font('Helvetica-Bold').fontSize(8.5);
    ensure(40);
    heading();
    for (const row of t.rows) {
      doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      const cellHeight = Math.max(...row.cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 4 })));
      const noteHeight = row.note === undefined ? 0 : 9;
      if (ensure(cellHeight + noteHeight + 3)) heading();
      const y = doc.y;
      doc.font(row.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      row.cells.forEach((cell, i) => doc.text(cell, xs[i] + 2, y, { width: widths[i] - 4, align: t.columns[i].align ?? 'left' }));
      if (row.note !== undefined) {
        doc.font('Helvetica').fontSize(7).fillColor('#666666').text(row.note, xs[0] + 2, y + cellHeight, { width: widths[0] - 4 });
        doc.fillColor('black');
      }
      doc.y = y + cellHeight + noteHeight + 3;
    }
    doc.x = left;
  };

  const block = (b: DocumentBlock): void => {
    if (b.kind === 'paragraph') {
      doc.font(b.emphasis ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
      ensure(doc.heightOfString(b.text, { width }));
      doc.text(b.text, left, doc.y, { width });
      doc.moveDown(0.3);
    } else if (b.kind === 'table') {
      drawTable(b.table);
      doc.moveDown(0.3);
    } else {
      ensure(24 + b.lines.length * 14);
      doc.moveDown(1.2);
      doc.moveTo(left, doc.y).lineTo(left + 220, doc.y).lineWidth(0.7).strokeColor('black').stroke();
      doc.y += 4;
      lines(b.lines, 150);
    }
  };

  doc.font('Helvetica-Bold').fontSize(15).text(document.title, left, doc.y, { width });
  doc.moveDown(0.4);
  lines(document.identity, 150);
  for (const section of document.sections) {
    doc.font('Helvetica-Bold').fontSize(11.5);
    ensure(60);
    doc.moveDown(0.6).text(section.heading, left, doc.y, { width });
    doc.moveDown(0.25);
    section.blocks.forEach(block);
  }

  // Banner and page numbers last, on every page: the margins are lifted so pdfkit never adds a page for them.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { top, bottom: foot } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    const { text, alert } = document.banner;
    doc.rect(left, MARGIN - 16, width, BANNER_HEIGHT).fill(alert ? ALERT : '#e8f0e8');
    doc.font('Helvetica-Bold').fontSize(8.5).fillColor(alert ? 'white' : '#1b4d1b');
    doc.text(text, left + 6, MARGIN - 10, { width: width - 12, height: BANNER_HEIGHT - 8, ellipsis: true });
    doc.font('Helvetica').fontSize(8).fillColor('#666666');
    doc.text(`${document.title} · page ${i - range.start + 1} of ${range.count}`, left, doc.page.height - MARGIN + 16, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.fillColor('black');
    doc.page.margins.top = top;
    doc.page.margins.bottom = foot;
  }
  doc.end();
  return done;
};
