import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { users } from "@/db/schema";
import { flushEvents } from "@/lib/cdp/collect/buffer";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { signInAs } from "@/lib/testing/session";
import { ADMIN_ACTION, type AdminActionMeta } from "@/lib/admin/action";
import { SHOP_ACTION, type ShopActionMeta } from "@/lib/shop/action";

/**
 * Every server action and route handler, discovered from the code, fed arbitrary strings in every
 * field it reads (NUL, lone surrogates, 10,000 characters, SQL and markup): the answer is never a
 * crash or the generic "something went wrong" (a 500), and a refused input writes nothing.
 * Writes are seen by a statement trigger on every table (rate-limit counters and analytics events,
 * which record refusals by design, excepted).
 */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {}, unstable_cache: <F>(fn: F) => fn }));
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77", "user-agent": "fuzz", host: "shop.test" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false }),
}));

const root = path.resolve(import.meta.dirname, "../..");
const walk = (dir: string, match: (f: string) => boolean) =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter(match);
const actionFiles = walk("lib", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, f), "utf8")));
const routeFiles = walk("app", (f) => f.endsWith("route.ts"));

const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "x".repeat(10_000),
  "é".repeat(3000),
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "-1",
  "1e309",
  "NaN",
  "9".repeat(40),
  "2026-02-30",
  "\u202e\u200b",
  "ann@example.com",
  "H000001",
  "on",
];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 12 }));

/** The form fields an action's schema reads (through pipes, defaults and optionals). */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  let s = schema as unknown as { def?: { type: string; in?: unknown; innerType?: unknown; shape?: Record<string, unknown> }; shape?: Record<string, unknown> } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    if (s.def.type === "object") return Object.keys(s.shape ?? {});
    s = (s.def.in ?? s.def.innerType) as typeof s;
  }
  return [];
}

let db: Db;
const ids: Record<string, number> = {};
const writes = async () => (await db.execute<{ tbl: string }>(sql`select distinct tbl from _fuzz_writes`)).rows.map((r) => r.tbl);
const clearWrites = () => db.execute(sql`delete from _fuzz_writes`);
const GENERIC = /^Something went wrong/;
const isAnswer = (err: unknown) => /NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND/.test(String((err as { digest?: string })?.digest ?? (err as Error)?.message));

beforeAll(async () => {
  db = await createTestDb();
  for (const role of ["customer", "admin"] as const)
    ids[role] = (
      await db
        .insert(users)
        .values({ email: `fuzz-${role}@example.com`, role })
        .returning()
    )[0]!.id;
  await db.execute(sql`create table _fuzz_writes (tbl text not null)`);
  await db.execute(sql.raw(`create function _fuzz_note() returns trigger language plpgsql as $$ begin insert into _fuzz_writes values (TG_TABLE_NAME); return null; end $$`));
  const { rows } = await db.execute<{ t: string }>(
    sql`select tablename as t from pg_tables where schemaname = 'public' and tablename not in ('_fuzz_writes', 'rate_limits', 'cdp_events', '__drizzle_migrations')`,
  );
  for (const { t } of rows) await db.execute(sql.raw(`create trigger _fuzz after insert or update or delete on "${t}" for each statement execute function _fuzz_note()`));
});
afterAll(dropTestDb);

type Action = (prev: null, data: FormData) => Promise<{ ok: boolean; error?: string }>;

describe("arbitrary input", () => {
  it("finds the actions and routes", () => {
    expect(actionFiles.length).toBeGreaterThan(10);
    expect(routeFiles).toEqual(expect.arrayContaining(["app/v1/[...path]/route.ts", "app/api/collect/route.ts"]));
  });

  it("no server action crashes or writes on a refused input", async () => {
    const tried: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const admin = (fn as unknown as Record<symbol, AdminActionMeta | undefined>)[ADMIN_ACTION];
        const shop = (fn as unknown as Record<symbol, ShopActionMeta | undefined>)[SHOP_ACTION];
        if (!admin && !shop) continue; // (the authorization test refuses unwrapped actions)
        const fields = [...new Set([...fieldsOf(admin?.schema ?? shop?.schema), "id", "number", "next"])];
        signInAs(admin ? { id: ids.admin!, email: "fuzz-admin@example.com", role: "admin" } : { id: ids.customer!, email: "fuzz-customer@example.com", role: "customer" });
        await fc.assert(
          fc.asyncProperty(fc.record(Object.fromEntries(fields.map((f) => [f, text]))), async (values) => {
            const data = new FormData();
            for (const [k, v] of Object.entries(values)) data.append(k, v as string);
            await flushEvents();
            await clearWrites();
            let r: { ok: boolean; error?: string } | undefined;
            try {
              // A form-shaped action (formAction) takes the FormData alone and answers nothing.
              if (shop?.form) await (fn as unknown as (d: FormData) => Promise<void>)(data);
              else r = await (fn as Action)(null, data);
            } catch (err) {
              if (!isAnswer(err)) throw new Error(`${file} ${name} threw: ${(err as Error).message}`);
              return;
            }
            expect(r?.ok === false && GENERIC.test(r.error ?? ""), `${file} ${name} failed on ${JSON.stringify(values).slice(0, 300)}`).toBe(false);
            await flushEvents();
            if (r && !r.ok) expect(await writes(), `${file} ${name} wrote on a refused input ${JSON.stringify(values).slice(0, 300)}`).toEqual([]);
          }),
          { numRuns: 12, seed: 16 },
        );
        tried.push(name);
      }
    }
    expect(tried).toEqual(expect.arrayContaining(["signUpAction", "updateProfileAction", "placeOrderAction", "createProductAction", "createSourceAction"]));
  });

  it("no route handler answers 500 or writes on a refused request", async () => {
    const tried: string[] = [];
    for (const file of routeFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const dynamic = [...file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!);
      for (const [method, handler] of Object.entries(mod)) {
        if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) || typeof handler !== "function") continue;
        for (const persona of ["anonymous", "customer", "admin"] as const) {
          signInAs(persona === "anonymous" ? null : { id: ids[persona]!, email: `fuzz-${persona}@example.com`, role: persona });
          await fc.assert(
            fc.asyncProperty(fc.array(text, { minLength: dynamic.length, maxLength: dynamic.length }), text, text, async (parts, query, body) => {
              const params = Object.fromEntries(dynamic.map((d, i) => [d, file.includes(`[...${d}]`) ? [parts[i]!] : parts[i]!]));
              const url = new URL(`http://shop.test/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`);
              for (const q of ["q", "t", "from", "to", "segment", "format", "id"]) url.searchParams.set(q, query);
              const request = new Request(url, method === "GET" ? { method } : { method, body, headers: { "content-type": "application/json" } });
              await flushEvents();
              await clearWrites();
              let res: Response;
              try {
                res = await (handler as (r: Request, c: unknown) => Promise<Response>)(request, { params: Promise.resolve(params) });
              } catch (err) {
                if (!isAnswer(err)) throw new Error(`${file} ${method} threw: ${(err as Error).message}`);
                return;
              }
              await res.body?.cancel().catch(() => {});
              expect(res.status, `${file} ${method} as ${persona} on ${JSON.stringify({ parts, query, body }).slice(0, 300)}`).toBeLessThan(500);
              await flushEvents();
              if (res.status >= 400) expect(await writes(), `${file} ${method} wrote on a refused request`).toEqual([]);
            }),
            { numRuns: 6, seed: 16 },
          );
        }
        tried.push(`${file} ${method}`);
      }
    }
    expect(tried.length).toBeGreaterThanOrEqual(10);
  });
});
