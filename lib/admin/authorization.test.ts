import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { SHOP_ACTION, SIGN_IN_AGAIN, type ShopActionMeta } from "@/lib/shop/action";
import { ADMIN_ACTION, NOT_ALLOWED, type AdminActionMeta } from "./action";

/**
 * The authorization matrix, discovered from the code: every server action in every "use server"
 * file, and every route handler under app/admin and app/api/admin, × anonymous, customer,
 * merchandiser and admin. Staff actions must be wrapped by `adminAction` (which carries the roles
 * it allows), shopper actions by `publicAction` or `customerAction`; anything unwrapped must be
 * listed below, so a new action cannot be written without its check. Sessions are stand-ins; the database is real.
 */
const CUSTOMER_FACING: Record<string, string[]> = {
  // A plain form action with no input (signing out is open to anyone).
  "lib/auth/actions.ts": ["signOutAction"],
};

vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {}, unstable_cache: <F>(fn: F) => fn }));

const root = path.resolve(import.meta.dirname, "../..");
function walk(dir: string, match: (f: string) => boolean): string[] {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter(match);
}
const serverActionFiles = walk("lib", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, f), "utf8")));
const adminRouteFiles = [...walk("app/admin", (f) => f.endsWith("route.ts")), ...walk("app/api/admin", (f) => f.endsWith("route.ts"))];

type Persona = "anonymous" | "customer" | "merchandiser" | "admin";
const PERSONAS: Persona[] = ["anonymous", "customer", "merchandiser", "admin"];
let db: Db;
const ids: Record<string, number> = {};
const auditCount = async () => Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows[0]!.n);

beforeAll(async () => {
  db = await createTestDb();
  for (const role of ["customer", "merchandiser", "admin"] as const) {
    ids[role] = (
      await db
        .insert(users)
        .values({ email: `${role}@example.com`, role })
        .returning()
    )[0]!.id;
  }
});
afterAll(dropTestDb);

const become = (p: Persona) => signInAs(p === "anonymous" ? null : { id: ids[p]!, email: `${p}@example.com`, role: p });

describe("authorization matrix", () => {
  it("finds the server actions and admin routes to check", () => {
    expect(serverActionFiles).toEqual(expect.arrayContaining(["lib/staff/admin-actions.ts", "lib/cdp/admin-actions.ts", "lib/auth/actions.ts"]));
  });

  it("every server action is wrapped by adminAction or a shopper wrapper unless it is one of the customer-facing ones", async () => {
    const unwrapped: string[] = [];
    for (const file of serverActionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn === "function" && !(ADMIN_ACTION in fn) && !(SHOP_ACTION in fn) && !CUSTOMER_FACING[file]?.includes(name)) unwrapped.push(`${file}: ${name}`);
      }
    }
    expect(unwrapped).toEqual([]);
  });

  it("each customer-only action refuses a visitor before validating or writing anything", async () => {
    become("anonymous");
    const checked: string[] = [];
    for (const file of serverActionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || !(SHOP_ACTION in fn)) continue;
        const meta = (fn as unknown as Record<symbol, ShopActionMeta>)[SHOP_ACTION]!;
        if (meta.audience !== "customer") continue;
        const before = await auditCount();
        expect(await (fn as unknown as (p: null, d: FormData) => Promise<unknown>)(null, new FormData()), `${file} ${name}`).toEqual({ ok: false, error: SIGN_IN_AGAIN });
        expect(await auditCount()).toBe(before);
        checked.push(name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["changePasswordAction", "deleteAccountAction", "addAddressAction", "cancelOrderAction", "submitCsatAction"]));
  });

  it("each staff action refuses anyone without its roles, before validating or writing anything", async () => {
    const checked: string[] = [];
    for (const file of serverActionFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || !(ADMIN_ACTION in fn)) continue;
        const meta = (fn as unknown as Record<symbol, AdminActionMeta>)[ADMIN_ACTION]!;
        const action = fn as unknown as (prev: null, data: FormData) => Promise<{ ok: boolean; error?: string }>;
        for (const p of PERSONAS) {
          become(p);
          const allowed = (meta.roles as string[]).includes(p);
          const before = await auditCount();
          const r = await action(null, new FormData());
          if (allowed) expect(r.ok ? "ok" : r.error, `${file} ${name} as ${p}`).not.toBe(NOT_ALLOWED);
          else {
            expect(r, `${file} ${name} as ${p}`).toEqual({ ok: false, error: NOT_ALLOWED });
            expect(await auditCount()).toBe(before);
          }
        }
        checked.push(name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(["setStaffRoleAction", "createSourceAction", "revokeSourceAction", "recomputeNowAction"]));
  });

  it("merchandisers cannot manage staff; admins can", async () => {
    const { setStaffRoleAction } = await import("@/lib/staff/admin-actions");
    const form = (email: string, role: string) => formData({ email, role });
    become("merchandiser");
    expect(await setStaffRoleAction(null, form("customer@example.com", "admin"))).toEqual({ ok: false, error: NOT_ALLOWED });
    become("admin");
    expect(await setStaffRoleAction(null, form("customer@example.com", "merchandiser"))).toMatchObject({ ok: true });
    const [row] = await db
      .select({ role: users.role })
      .from(users)
      .where(sql`${users.id} = ${ids.customer}`);
    expect(row!.role).toBe("merchandiser");
    await setStaffRoleAction(null, form("customer@example.com", "customer"));
  });

  it("every admin route handler refuses anyone without its roles with a 404", async () => {
    for (const file of adminRouteFiles) {
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      for (const [method, fn] of Object.entries(mod)) {
        if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(method) || typeof fn !== "function") continue;
        expect(ADMIN_ACTION in fn, `${file} ${method} is not wrapped by adminRoute`).toBe(true);
        const meta = (fn as unknown as Record<symbol, AdminActionMeta>)[ADMIN_ACTION]!;
        for (const p of PERSONAS) {
          become(p);
          const res = (await (fn as (req: Request, ctx: unknown) => Promise<Response>)(new Request("http://localhost/admin"), { params: Promise.resolve({}) })) as Response;
          if (!(meta.roles as string[]).includes(p)) expect(res.status, `${file} ${method} as ${p}`).toBe(404);
          else expect(res.status, `${file} ${method} as ${p}`).not.toBe(404);
        }
      }
    }
  });
});
