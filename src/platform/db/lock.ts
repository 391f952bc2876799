import fs from 'node:fs';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  command: string;
  port?: number;
  startedAt: string;
}

/** Thrown when another process holds the embedded database. */
export class DatabaseLockedError extends Error {
  constructor(public readonly holder: LockHolder, public readonly dataDir: string) {
    super(
      `De ingebouwde database in ${dataDir} is in gebruik door een ander proces (pid ${holder.pid}, '${holder.command}'` +
        `${holder.port ? `, poort ${holder.port}` : ''}, sinds ${holder.startedAt}). ` +
        'Stop dat proces eerst, of gebruik PostgreSQL (DATABASE_URL) om server en opdrachtregel naast elkaar te draaien.\n' +
        `The embedded database in ${dataDir} is in use by another process (pid ${holder.pid}). Stop it first, or use PostgreSQL via DATABASE_URL.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the single-process lock on an embedded data folder. PGlite must never be opened by
 * two processes at once: the second would corrupt the files. A lock left by a crashed
 * process (its pid no longer runs) is taken over.
 */
export function acquireDataLock(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'dichter.lock');
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockHolder | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
      } catch {
        holder = undefined; // half-written or unreadable: treat as stale
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DatabaseLockedError(holder, dataDir);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Kon de vergrendeling ${file} niet krijgen`);
}

/** Records the port the server listens on, so the CLI can point users to it. */
export function annotateDataLock(dataDir: string, port: number) {
  const file = path.join(dataDir, 'dichter.lock');
  try {
    const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
    if (current.pid === process.pid) fs.writeFileSync(file, JSON.stringify({ ...current, port }));
  } catch {
    /* no lock: PostgreSQL mode */
  }
}
