import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database at ${dir} is in use by another process (pid ${pid}). ` +
        `PGlite allows one process per data directory: stop that process (e.g. the running store) ` +
        `and try again, or set DATABASE_URL to use PostgreSQL, which many processes can share.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** A process's start time (clock ticks since boot, from /proc), or null where /proc is not there. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null; // field 22 of proc(5)
  } catch {
    return null;
  }
}

export class DataDirLockedElsewhereError extends DataDirLockedError {
  constructor(dir: string, file: string, held: { pid: number; host: string }) {
    super(dir, held.pid);
    this.message =
      `The embedded database at ${dir} is locked by process ${held.pid} on host ${held.host}, which this machine cannot check. ` +
      `If that host no longer uses this directory (a copied or shared folder), delete ${file} and start again; ` +
      `or set DATABASE_URL to use PostgreSQL.`;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive lock file beside the PGlite data directory, or throws DataDirLockedError.
 * A lock left by a process that died is taken over. Returns the release function, which also
 * runs when this process exits.
 */
export function acquireDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      // Host and start time too: a pid alone may be reused by another program after a crash.
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), start: startTimeOf(process.pid), at: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          const held = JSON.parse(fs.readFileSync(file, "utf8")) as { pid?: number };
          if (held.pid === process.pid) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let held: { pid?: number; host?: string; start?: string | null } = {};
      try {
        held = JSON.parse(fs.readFileSync(file, "utf8")) as typeof held;
      } catch {
        /* unreadable: a writer died mid-write; treat as stale */
      }
      const pid = Number(held.pid) || 0;
      if (pid && held.host && held.host !== os.hostname()) throw new DataDirLockedElsewhereError(dir, file, { pid, host: held.host });
      // The same pid alive but started at another time is another program: the lock is stale.
      const reused = Boolean(held.start) && startTimeOf(pid) !== null && startTimeOf(pid) !== held.start;
      if (pid && pid !== process.pid && alive(pid) && !reused) throw new DataDirLockedError(dir, pid);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock for ${dir}`);
}
