/**
 * A document as people read it, whatever it is printed to (PDF, text): a banner that heads every page
 * (a stale certificate must say so wherever it is opened), the identity block that says exactly which
 * document this is, then sections of paragraphs and tables. Built by each document's own module from its
 * record; rendered by printed-document.pdf.ts and printed-document.text.ts, which know no accounting.
 */
export interface PrintedDocument {
  readonly title: string;
  /** Printed at the top of every page; `alert` prints it in red, bold. */
  readonly banner: { readonly text: string; readonly alert: boolean };
  readonly identity: readonly IdentityLine[];
  readonly sections: readonly DocumentSection[];
  /** The PDF's metadata and the name of its creation instant: the record's, so a document prints the same twice. */
  readonly about: { readonly subject: string; readonly author: string; readonly createdAt: string };
}

export interface IdentityLine {
  readonly label: string;
  readonly value: string;
  /** Set in monospace (hashes, ids). */
  readonly code?: boolean;
}

export type DocumentBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly emphasis?: boolean }
  | { readonly kind: 'table'; readonly table: DocumentTable }
  | { readonly kind: 'signature'; readonly lines: readonly IdentityLine[] };

export interface DocumentTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export interface TableColumn {
  readonly heading: string;
  /** Share of the printable width, summing to 1 across the columns. */
  readonly width: number;
  readonly align?: 'left' | 'right';
}

export interface TableRow {
  readonly cells: readonly string[];
  /** A total or a figure to draw the eye to. */
  readonly bold?: boolean;
  /** Small print under the first cell, e.g. an organisation's id. */
  readonly note?: string;
}

export interface DocumentSection {
  readonly heading: string;
  readonly blocks: readonly DocumentBlock[];
}

export const paragraph = (text: string, emphasis = false): DocumentBlock => ({ kind: 'paragraph', text, emphasis });
export const table = (columns: readonly TableColumn[], rows: readonly TableRow[]): DocumentBlock => ({
  kind: 'table',
  table: { columns, rows },
});
