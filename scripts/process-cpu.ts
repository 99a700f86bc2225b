import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (CLK_TCK: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  parent: number;
  /** The process title: PostgreSQL names each of its processes there ("postgres: walsender …"). */
  title: string;
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
    return { parent: at(4), title: title(pid), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null;
  }
}

function title(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The parts PostgreSQL's CPU is split into: what each costs a request says where to look. */
const POSTGRES_PARTS = ['backends', 'walsenders', 'apply', 'background'] as const;
type PostgresPart = (typeof POSTGRES_PARTS)[number];

/**
 * Which part of PostgreSQL a process is, by its title: a backend serving a connection, a WAL sender
 * decoding the log for a feed's subscription, a logical-replication worker applying one, or the
 * server's own work (postmaster, checkpointer, WAL writer, autovacuum, …).
 */
function postgresPart(found: ProcStat): PostgresPart {
  if (/postgres: walsender/.test(found.title)) return 'walsenders';
  if (/logical replication (apply|tablesync|parallel)/.test(found.title)) return 'apply';
  if (/postgres: [a-z_]+ [a-z_]+ (\[local\]|[\d.:]+\(\d+\))/.test(found.title)) return 'backends';
  return 'background';
}

/** CPU seconds one process (a PostgreSQL backend, say) has used so far, or null where /proc cannot tell. */
export function processCpuSeconds(pid: number): number | null {
  const found = stat(pid);
  return found ? found.ticks / TICKS_PER_SECOND : null;
}

/**
 * CPU seconds used so far, per named process of a running system (the gateway, each subgraph) and
 * for PostgreSQL: every other process under this one (the embedded server and its backends), also
 * split by part as `postgresql:<part>` (a breakdown of `postgresql`, not to be added to it).
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
    return Object.fromEntries([...Object.keys(named), 'postgresql', ...POSTGRES_PARTS.map((part) => `postgresql:${part}`)].map((name) => [name, 0]));
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
  for (const part of POSTGRES_PARTS) result[`postgresql:${part}`] = 0;
  for (const [pid, found] of processes) {
    if (namedPids.has(pid) || !underUs(pid)) continue;
    result.postgresql += found.ticks / TICKS_PER_SECOND;
    // The split of the line above; an exited process (a closed connection) falls into its parent's part.
    result[`postgresql:${postgresPart(found)}`] += found.ticks / TICKS_PER_SECOND;
  }
  return result;
}
