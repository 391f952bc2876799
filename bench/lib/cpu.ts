import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time used so far, in ms: by this process (the servers under load; the load generator
 * runs in a child) and by every PostgreSQL server process on the machine, ended backends
 * included (null when /proc cannot tell, as off Linux).
 */
export function cpuTimeMs(): { server: number; postgres: number | null } {
  const usage = process.cpuUsage();
  return { server: (usage.user + usage.system) / 1000, postgres: postgresCpuMs() };
}

function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15, and the
      // time of ended children (the postmaster's backends) cutime and cstime, 16 and 17.
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU ms per request between two readings. */
export function cpuPerRequest(before: ReturnType<typeof cpuTimeMs>, after: ReturnType<typeof cpuTimeMs>, requests: number) {
  const per = (a: number, b: number) => (requests > 0 ? Math.round(((b - a) / requests) * 1000) / 1000 : null);
  return { server: per(before.server, after.server), postgres: before.postgres === null || after.postgres === null ? null : per(before.postgres, after.postgres) };
}
