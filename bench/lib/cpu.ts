import { readFileSync } from 'node:fs';

/** CPU time in clock ticks: the whole machine (busy and total) and two processes. */
interface CpuSnapshot {
  cores: number;
  busy: number;
  total: number;
  server: number;
  self: number;
}

/** Cores busy on average while a scenario ran, split by who used them. */
export interface CpuUsage {
  /** The server under test. */
  server: number;
  /** This process: autocannon, the load generator. */
  loadGenerator: number;
  /** Everything else on the machine; more than a few tenths means the figures were disturbed. */
  other: number;
  /** Cores the machine has. */
  cores: number;
}

function processTicks(pid: number | 'self'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is the 3rd field of the line, utime the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function snapshot(serverPid: number): CpuSnapshot | undefined {
  try {
    const lines = readFileSync('/proc/stat', 'utf8').split('\n');
    const line = lines[0] ?? '';
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const busy = user + nice + system + irq + softirq + steal;
    return {
      cores: lines.filter((l) => /^cpu\d+ /.test(l)).length,
      busy,
      total: busy + idle + iowait,
      server: processTicks(serverPid),
      self: processTicks('self'),
    };
  } catch {
    return undefined; // not Linux, or the server is gone
  }
}

/** Starts counting; the returned function gives the average cores used since (undefined off Linux). */
export function measureCpu(serverPid: number | undefined): () => CpuUsage | undefined {
  const start = serverPid === undefined ? undefined : snapshot(serverPid);
  return () => {
    const end = serverPid === undefined ? undefined : snapshot(serverPid);
    if (!start || !end || end.total <= start.total || end.cores === 0) {
      return undefined;
    }
    const cores = end.cores;
    // Elapsed ticks per core: all CPU time on the machine divided by the number of cores.
    const elapsed = (end.total - start.total) / cores;
    const server = (end.server - start.server) / elapsed;
    const loadGenerator = (end.self - start.self) / elapsed;
    const all = (end.busy - start.busy) / elapsed;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      server: round(server),
      loadGenerator: round(loadGenerator),
      other: round(Math.max(0, all - server - loadGenerator)),
      cores,
    };
  };
}

/**
 * Waits until the server has been nearly idle (under 0.05 cores) for two seconds in a row: in
 * development it loads the demo catalogue in the background after it answers ready, and that work
 * must not be measured. Gives up after `timeoutMs` (the figures then include it); off Linux it
 * returns at once. Returns the seconds waited.
 */
export async function waitUntilQuiet(
  serverPid: number | undefined,
  signal: AbortSignal,
  timeoutMs = 120_000,
): Promise<number> {
  const started = Date.now();
  let quietSeconds = 0;
  while (serverPid !== undefined && quietSeconds < 2 && Date.now() - started < timeoutMs) {
    signal.throwIfAborted();
    const usage = measureCpu(serverPid);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cores = usage()?.server;
    if (cores === undefined) {
      break;
    }
    quietSeconds = cores < 0.05 ? quietSeconds + 1 : 0;
  }
  return (Date.now() - started) / 1000;
}
