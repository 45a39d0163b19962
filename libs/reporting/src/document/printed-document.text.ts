import type { DocumentTable, IdentityLine, PrintedDocument } from './printed-document';

const pad = (text: string, width: number, align: 'left' | 'right' = 'left'): string =>
  align === 'right' ? text.padStart(width) : text.padEnd(width);

const identityLines = (lines: readonly IdentityLine[]): string[] => {
  const width = Math.max(...lines.map((l) => l.label.length), 0) + 2;
  return lines.map((l) => `${pad(`${l.label}:`, width)}${l.value}`);
};

const tableLines = (t: DocumentTable): string[] => {
  const cells = [t.columns.map((c) => c.heading), ...t.rows.map((r) => r.cells)];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, i) => pad(cell ?? '', widths[i], t.columns[i].align)).join('  ').trimEnd();
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.flatMap((r) => [line(r.cells), ...(r.note === undefined ? [] : [`  ${r.note}`])]),
  ];
};

/** The document as plain text for a terminal or an e-mail: the banner first, then as the PDF reads. */
export const renderDocumentText = (document: PrintedDocument): string[] => [
  document.banner.text,
  '',
  document.title,
  ...identityLines(document.identity),
  ...document.sections.flatMap((section) => [
    '',
    section.heading,
    ...section.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? [b.text] : b.kind === 'table' ? tableLines(b.table) : ['', '______________________', ...identityLines(b.lines)],
    ),
  ]),
];
