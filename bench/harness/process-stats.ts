/**
 * Memory and CPU of the controller processes, read from /proc: peak RSS (VmHWM, plus our own max of
 * VmRSS samples every 250 ms) and CPU seconds (utime+stime of the process plus cutime+cstime of the
 * children it has waited for, e.g. the `git` processes Sluice's source controller runs).
 */
import { readFileSync } from 'node:fs';

export interface ProcessStats {
  readonly pid: number;
  readonly name: string;
  /** VmHWM at the last sample, KiB. */
  readonly hwmKiB: number;
  /** Highest VmRSS sampled, KiB. */
  readonly maxRssKiB: number;
  /** CPU seconds used since the process started (self + waited-for children). */
  readonly cpuSeconds: number;
}

const clockTicks = 100; // USER_HZ on Linux

function readStatusKiB(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after ")": state(0) … utime(11) stime(12) cutime(13) cstime(14)
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** Samples the given processes until `stop()`; `stop()` returns the figures. */
export class ProcessSampler {
  private readonly state = new Map<number, { name: string; hwm: number; maxRss: number; cpu: number; cpu0: number }>();
  private readonly timer: NodeJS.Timeout;

  constructor(procs: readonly { pid: number; name: string }[], intervalMs = 250) {
    for (const p of procs) {
      const cpu = readCpuSeconds(p.pid) ?? 0;
      this.state.set(p.pid, { name: p.name, hwm: 0, maxRss: 0, cpu, cpu0: cpu });
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    for (const [pid, s] of this.state) {
      const rss = readStatusKiB(pid, 'VmRSS');
      const hwm = readStatusKiB(pid, 'VmHWM');
      const cpu = readCpuSeconds(pid);
      if (rss !== undefined) s.maxRss = Math.max(s.maxRss, rss);
      if (hwm !== undefined) s.hwm = Math.max(s.hwm, hwm);
      if (cpu !== undefined) s.cpu = cpu;
    }
  }

  /** Stops sampling. `cpuSeconds` is the CPU used while sampling (since construction). */
  stop(): ProcessStats[] {
    this.sample();
    clearInterval(this.timer);
    return [...this.state].map(([pid, s]) => ({
      pid,
      name: s.name,
      hwmKiB: s.hwm,
      maxRssKiB: s.maxRss,
      cpuSeconds: Math.round((s.cpu - s.cpu0) * 100) / 100,
    }));
  }
}
