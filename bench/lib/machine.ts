import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { packageVersion } from '../../src/platform/version';

export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  cpuModel: string;
  cores: number;
  totalMemoryMB: number;
  /** 1, 5 and 15-minute load averages when the benchmark started; above the core count, other work competed. */
  loadAverage: number[];
  /** The same when the benchmark ended. */
  loadAverageAtEnd?: number[];
  dichterVersion: string;
  gitCommit: string | null;
}

/** Where and when a figure was measured: a result file is meaningless without it. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let gitCommit: string | null = null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
    dichterVersion: packageVersion,
    gitCommit,
  };
}

/** Adds the load average at the end, so a reader can see whether the machine was busy. */
export function finish(machine: MachineInfo): MachineInfo {
  return { ...machine, loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100) };
}
