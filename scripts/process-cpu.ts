import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (CLK_TCK: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  parent: number;
  /** User and system time of the process and of its children it has waited for (exited backends), in ticks. */
  ticks: number;
}

function stat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // From field 3 (state): 4 ppid, 14 utime, 15 stime, 16 cutime, 17 cstime.
    const at = (field: number) => Number(fields[field - 3]);
    return { parent: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null;
  }
}

/** CPU seconds one process (a PostgreSQL backend, say) has used so far, or null where /proc cannot tell. */
export function processCpuSeconds(pid: number): number | null {
  const found = stat(pid);
  return found ? found.ticks / TICKS_PER_SECOND : null;
}

/**
 * CPU seconds used so far, per named process of a running system (the gateway, each subgraph) and
 * for PostgreSQL: every other process under this one (the embedded server and its backends).
 * Linux only (/proc); elsewhere every figure is 0.
 */
export function cpuSeconds(named: Record<string, number>): Record<string, number> {
  let processes: Map<number, ProcStat>;
  try {
    processes = new Map(
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .flatMap((name) => {
          const found = stat(Number(name));
          return found ? [[Number(name), found] as const] : [];
        }),
    );
  } catch {
    return Object.fromEntries([...Object.keys(named), 'postgresql'].map((name) => [name, 0]));
  }
  const underUs = (pid: number): boolean => {
    for (let current = processes.get(pid), hops = 0; current && hops < 50; current = processes.get(current.parent), hops++) {
      if (current.parent === process.pid) return true;
    }
    return false;
  };
  const namedPids = new Set(Object.values(named));
  const result: Record<string, number> = {};
  for (const [name, pid] of Object.entries(named)) result[name] = (processes.get(pid)?.ticks ?? 0) / TICKS_PER_SECOND;
  result.postgresql = 0;
  for (const [pid, found] of processes) {
    if (!namedPids.has(pid) && underUs(pid)) result.postgresql += found.ticks / TICKS_PER_SECOND;
  }
  return result;
}
