import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { neutraliseCsvCell, toCsv } from './csv';

describe('a CSV cell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1+cmd|calc', "'-1+cmd|calc"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturned', "'\rReturned"],
  ])('that begins like a formula, %j, is neutralised', (cell, safe) => expect(neutraliseCsvCell(cell)).toBe(safe));

  it.each([['-120.50'], ['0.00'], ['11099875.34'], ['Harbour'], ['a=b'], ['']])('%j is left as it is', (cell) =>
    expect(neutraliseCsvCell(cell)).toBe(cell));

  it('is quoted as RFC 4180 asks after neutralising', () =>
    expect(toCsv([['name', 'amount'], ['=HYPERLINK("x","y")', '-5.00']])).toBe('name,amount\n"\'=HYPERLINK(""x"",""y"")",-5.00\n'));
});

describe('every CSV writer', () => {
  const root = join(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
    );

  it('writes through toCsv: no other file uses csv-stringify', () =>
    expect(
      [...sources(join(root, 'libs')), ...sources(join(root, 'apps'))]
        .filter((file) => /^import .* from 'csv-stringify/m.test(readFileSync(file, 'utf8')))
        .map((file) => file.slice(root.length + 1)),
    ).toEqual(['libs/projections/src/csv/csv.ts']));
});
