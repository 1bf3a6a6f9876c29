import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import * as schema from "@/db/schema";
import { acquireDirLock } from "./lock";
import { env } from "@/lib/env";

/**
 * The one database client. PGlite (embedded, under ./data) by default; PostgreSQL when
 * DATABASE_URL is set. Both speak the same SQL, so everything above this file has one code path.
 * Both drivers return `{ rows }` from `execute`, so the node-postgres type stands for both.
 */
export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle: the same query API as Db, plus rollback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** What a read or write that can run inside or outside a transaction takes. */
export type DbOrTx = Db | Tx;

type Unlisten = () => Promise<void>;
type Holder = {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
  /** LISTEN on a channel; PGlite delivers in-process, PostgreSQL over one extra connection per process. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<Unlisten>;
};
type GlobalWithDb = typeof globalThis & { __hearthDb?: Promise<Holder> };

export function databaseUrl(): string | undefined {
  return env().DATABASE_URL;
}

/**
 * Which database this process talks to, as a short stable string: part of every cache key, so a
 * build that is pointed at another database never serves the first one's cached reads.
 */
export function databaseIdentity(): string {
  const url = databaseUrl();
  if (!url) return `pglite:${pgliteDir()}`;
  const u = new URL(url);
  return `pg:${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export function pgliteDir(): string {
  return env().PGLITE_DIR?.trim() || path.join(process.cwd(), "data", "pglite");
}

async function openPglite(): Promise<Holder> {
  const dir = pgliteDir();
  const inMemory = dir.startsWith("memory://");
  // PGlite has no cross-process lock of its own: two writers on one directory corrupt it.
  const release = inMemory ? () => {} : acquireDirLock(dir);
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite/contrib/pg_trgm"), import("drizzle-orm/pglite")]);
  // An in-memory store may start from a dump instead of an empty cluster (a migrated template).
  const snapshot = inMemory ? env().PGLITE_SNAPSHOT : undefined;
  let client: PGlite;
  try {
    const loadDataDir = snapshot ? new Blob([await readFile(snapshot)]) : undefined;
    client = await PGlite.create(inMemory ? undefined : dir, { extensions: { pg_trgm }, loadDataDir });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
    listen: (channel, onPayload) => client.listen(channel, onPayload),
  };
}

async function openPostgres(url: string): Promise<Holder> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import("pg"), import("drizzle-orm/node-postgres")]);
  const pool: Pool = new pg.Pool({
    connectionString: url,
    max: env().DATABASE_POOL_MAX,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, failover, a dropped test database) must not
  // crash the process: the pool replaces it on next use.
  pool.on("error", (err: Error & { code?: string }) => {
    if (err.code !== "57P01") console.warn(`database: idle connection error: ${err.message}`);
  });
  const db = drizzle(pool, { schema });
  // One LISTEN connection per process, shared by every subscriber; reopened if it drops.
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let listener: Promise<InstanceType<typeof pg.Client>> | null = null;
  const connectListener = () => {
    listener ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on("notification", (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? "")));
      c.on("error", () => {
        listener = null;
        setTimeout(() => void resubscribe(), 1000);
      });
      await c.connect();
      return c;
    })().catch((err) => {
      listener = null;
      throw err;
    });
    return listener;
  };
  const resubscribe = async () => {
    if (!handlers.size) return;
    const c = await connectListener();
    for (const ch of handlers.keys()) await c.query(`LISTEN "${ch}"`);
  };
  return {
    db,
    driver: "postgres",
    close: async () => {
      if (listener) await (await listener).end().catch(() => {});
      await pool.end();
    },
    listen: async (channel, onPayload) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const c = await connectListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await c.query(`LISTEN "${channel}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
  };
}

/** Opens the database on first use (never at import time, so `next build` touches nothing). */
function holder(): Promise<Holder> {
  const g = globalThis as GlobalWithDb;
  if (!g.__hearthDb) {
    const url = databaseUrl();
    g.__hearthDb = (url ? openPostgres(url) : openPglite()).catch((err) => {
      g.__hearthDb = undefined;
      throw err;
    });
  }
  return g.__hearthDb;
}

export async function getDb(): Promise<Db> {
  return (await holder()).db;
}

export async function dbDriver(): Promise<Holder["driver"]> {
  return (await holder()).driver;
}

export async function listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten> {
  return (await holder()).listen(channel, onPayload);
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const h = g.__hearthDb;
  g.__hearthDb = undefined;
  if (h) await (await h).close();
}

export { schema };
