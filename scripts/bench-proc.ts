// What the benches read of a server process from /proc (Linux): its memory and CPU time.
import { readFileSync, writeFileSync } from 'node:fs';

/** A field of /proc/<pid>/status, in MiB (the kernel reports kB). */
export function statusMiB(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kb) / 1024;
}

/** proc(5): writing 5 to clear_refs resets the peak resident set size (VmHWM) to now. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const peak = statusMiB(pid, 'VmHWM');
  const now = statusMiB(pid, 'VmRSS');
  if (peak > now + 1) throw new Error(`VmHWM did not reset (${peak} MiB, resident ${now} MiB)`);
}

/** CPU seconds (user + system) the process has used: /proc/<pid>/stat, 100 ticks a second. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
