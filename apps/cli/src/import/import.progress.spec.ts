import { lineProgress } from './import.progress';

describe('import progress on a log (stderr not a terminal)', () => {
  it('writes a line at most every two seconds, and one when done', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = lineProgress({ write: (line: string) => lines.push(line) } as unknown as NodeJS.WritableStream, () => now);

    progress.start(3);
    now = 500;
    progress.advance('national-2021.json');
    now = 2500;
    progress.advance('national-2021.json');
    now = 3000;
    progress.advance('cleveland-2021.json');
    progress.stop();

    expect(lines).toEqual([
      'fundledger: import: 2/3 commands (national-2021.json)\n',
      'fundledger: import: 3/3 commands done\n',
    ]);
  });
});
