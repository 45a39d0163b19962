/** How far a walk through the log has got, on stderr (stdout stays for the result). */
export interface LogWalkProgress {
  advance(events: number): void;
  stop(): void;
}

/** A plain line at most this often: a long rebuild or verify shows life without flooding a log file. */
const LINE_INTERVAL_MS = 2000;

/**
 * `fundledger: rebuild: 120000 events` every two seconds, on a terminal rewritten in place, in a file
 * or pipe as separate lines. Nothing at all for a walk that ends within the first interval.
 */
export const logWalkProgressOn = (stream: NodeJS.WriteStream, label: string, now: () => number = Date.now): LogWalkProgress => {
  const started = now();
  let lastAt = started;
  let shown = false;
  return {
    advance: (events) => {
      if (now() - lastAt < LINE_INTERVAL_MS) return;
      lastAt = now();
      shown = true;
      stream.write(stream.isTTY ? `\rfundledger: ${label}: ${events} events` : `fundledger: ${label}: ${events} events\n`);
    },
    stop: () => {
      if (shown && stream.isTTY) stream.write('\n');
    },
  };
};
