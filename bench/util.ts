import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { readOrderHistory } from "@/lib/import/read";
import { writeImport } from "@/lib/import/write";
import { createScratchPgDatabase } from "@/lib/testing/scratch-pg";

export const PG_ADMIN = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function timeMany(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number; mean: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

/** Points lib/db at a fresh database of the given driver; returns a cleanup function. */
export async function freshDatabase(driver: "pglite" | "postgres"): Promise<() => Promise<void>> {
  await closeDb();
  if (driver === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-bench-"));
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = path.join(dir, "pglite");
    return async () => {
      await closeDb();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const scratch = await createScratchPgDatabase(PG_ADMIN, "hearth_bench");
  process.env.DATABASE_URL = scratch.url;
  return async () => {
    await closeDb();
    await scratch.drop();
  };
}

export const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Migrates the database lib/db points at and imports an order-history file into it (the seed's catalogue, customers and orders). */
export async function importHistory(file: string) {
  await runMigrations();
  const db = await getDb();
  await writeImport(db, await readOrderHistory(file, () => {}), path.basename(file), () => {});
  return db;
}
