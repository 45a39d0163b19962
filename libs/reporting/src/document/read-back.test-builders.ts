import pdfParse from 'pdf-parse';

/** Each page's text, in order, read back from the PDF as a reader's viewer would extract it. */
export const pdfPages = async (pdf: Buffer): Promise<string[]> => {
  const pages: string[] = [];
  await pdfParse(pdf, {
    pagerender: async (page: { getTextContent: () => Promise<{ items: { str: string; transform: number[] }[] }> }) => {
      const content = await page.getTextContent();
      // One line per baseline (transform[5] is y; fonts of other sizes on a line sit within 3pt), cells joined by a space.
      const lines = new Map<number, string[]>();
      for (const item of content.items) {
        const y = [...lines.keys()].find((key) => Math.abs(key - item.transform[5]) < 3) ?? item.transform[5];
        lines.set(y, [...(lines.get(y) ?? []), item.str]);
      }
      const text = [...lines.entries()].sort(([a], [b]) => b - a).map(([, cells]) => cells.join(' ')).join('\n');
      pages.push(text);
      return text;
    },
  });
  return pages;
};
