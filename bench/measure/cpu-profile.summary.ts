import { readFileSync } from 'node:fs';

interface CpuProfile {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly fn: string;
  readonly ms: number;
  readonly share: number;
}

/**
 * The functions a `node --cpu-prof` profile spent its own time in (not their callees'), largest first:
 * the evidence for what bounds a figure. Frames are named by function and file:line, with the path
 * shortened to after node_modules/ or the checkout, so the same function from two builds reads alike.
 */
export const topSelfTime = (path: string, count = 15): SelfTime[] => {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const names = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));
  const byName = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const name = names.get(id) ?? '(unknown)';
    byName.set(name, (byName.get(name) ?? 0) + micros);
  });
  return [...byName]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([fn, micros]) => ({ fn, ms: micros / 1000, share: micros / total }));
};

const frameName = ({ functionName, url, lineNumber }: { functionName: string; url: string; lineNumber: number }): string => {
  const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/dist\//, '').replace(/^.*\/dist\//, '');
  return file === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
};
