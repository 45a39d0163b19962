import { Presets, SingleBar } from 'cli-progress';

/** How far an import has got, told to whoever watches stderr; stdout stays for the summary. */
export interface ImportProgress {
  start(total: number): void;
  advance(file: string): void;
  stop(): void;
}

/** Plain lines at most this often when stderr is a file or a pipe, so logs show life without flooding. */
const LINE_INTERVAL_MS = 2000;

/** A bar on a terminal; periodic plain lines otherwise (a bar's redraws would litter a log file). */
export const importProgressOn = (stream: NodeJS.WriteStream): ImportProgress =>
  stream.isTTY ? barProgress(stream) : lineProgress(stream, Date.now);

const barProgress = (stream: NodeJS.WriteStream): ImportProgress => {
  const bar = new SingleBar(
    { stream, format: 'importing [{bar}] {value}/{total} commands | {file}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { file: '' }),
    advance: (file) => bar.increment(1, { file }),
    stop: () => bar.stop(),
  };
};

export const lineProgress = (stream: NodeJS.WritableStream, now: () => number): ImportProgress => {
  let total = 0;
  let done = 0;
  let lastLineAt = 0;
  return {
    start: (count) => {
      total = count;
      lastLineAt = now();
    },
    advance: (file) => {
      done += 1;
      if (now() - lastLineAt < LINE_INTERVAL_MS) return;
      lastLineAt = now();
      stream.write(`fundledger: import: ${done}/${total} commands (${file})\n`);
    },
    stop: () => {
      stream.write(`fundledger: import: ${done}/${total} commands done\n`);
    },
  };
};
