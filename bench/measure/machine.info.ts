import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly totalMemoryMb: number;
  readonly freeMemoryMb: number;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  readonly loadAverage: number;
  /** Where the SQLite files live: their disk's fsync cost bounds every durable append. */
  readonly tmpdir: string;
}

export const machineInfo = (): MachineInfo => {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
    freeMemoryMb: Math.round(freemem() / 1024 / 1024),
    loadAverage: Math.round(loadavg()[0] * 100) / 100,
    tmpdir: tmpdir(),
  };
};

export const machineLine = (machine: MachineInfo): string =>
  `machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMb} MB, node ${machine.node}, ` +
  `${machine.platform}, load ${machine.loadAverage}, files in ${machine.tmpdir}`;
