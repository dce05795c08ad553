import { arch, cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  /** Where the data directories were written (the disk being measured). */
  dataRoot: string;
  /** One-minute load average when the run started; above `cores`, other work was competing. */
  loadAtStart: number;
}

export function describeMachine(dataRoot: string): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${osType()} ${release()} ${arch()}`,
    dataRoot,
    loadAtStart: loadavg()[0],
  };
}

export function describeMachineLine(machine: Machine): string {
  const memory = `${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GiB`;
  return `${machine.cpu}, ${machine.cores} cores, ${memory} RAM, Node ${machine.node}, ${machine.os}; data in ${machine.dataRoot}; load ${machine.loadAtStart.toFixed(1)}`;
}
