import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDirLock, DataDirLockedError } from "./lock";

function holdLockInChild(dir: string): Promise<{ kill: () => void }> {
  // A second process holds the lock, as a running store would.
  const code = `
    const fs = require("fs"), path = require("path");
    const dir = ${JSON.stringify(dir)};
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(path.dirname(dir), path.basename(dir) + ".lock"), JSON.stringify({ pid: process.pid }), { flag: "wx" });
    process.stdout.write("locked\\n");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve({ kill: () => child.kill("SIGKILL") }));
    child.once("error", reject);
  });
}

describe("PGlite data-dir lock", () => {
  it("refuses a second process with a clear message", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-")), "pglite");
    const holder = await holdLockInChild(dir);
    try {
      expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDirLock(dir)).toThrow(/in use by another process .*stop that process .*DATABASE_URL/s);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-")), "pglite");
    const holder = await holdLockInChild(dir);
    holder.kill();
    await new Promise((r) => setTimeout(r, 200));
    const release = acquireDirLock(dir);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("locks and releases within one process", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-")), "pglite");
    const release = acquireDirLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("takes over a lock whose pid now belongs to another program (its start time differs)", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-")), "pglite");
    fs.mkdirSync(dir, { recursive: true });
    // This very process is alive, but did not start at "1": after a crash the pid was reused.
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), start: "1" }));
    const release = acquireDirLock(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
    release();
  });

  it("says clearly what to do about a lock held on another host", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-lock-")), "pglite");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 4242, host: "another-host.example", start: "123" }));
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDirLock(dir)).toThrow(/locked by process 4242 on host another-host\.example.*delete .*pglite\.lock/s);
  });
});
