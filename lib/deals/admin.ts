import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { categories, dealRedemptions, deals, orders, products, users, type Deal, type DealTargeting } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import { changedFields, pickFields } from "@/lib/admin/audit";
import type { Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { intArray } from "@/lib/db/arrays";
import { controlGroupSql } from "@/lib/recs/holdout";
import { UserError } from "@/lib/result";
import type { DealForm } from "./admin-form";
import { aimedAt } from "./eligibility";

/** Product codes → the products that exist. */
export async function productsByCode(db: Db, codes: string[]) {
  return codes.length ? db.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, codes)) : [];
}

/** Product codes → ids (every code must exist). */
async function productIds(tx: Db, codes: string[]): Promise<number[]> {
  const rows = await productsByCode(tx, codes);
  const missing = codes.filter((c) => !rows.some((r) => r.sku === c));
  if (missing.length) throw new UserError(`No product with the code ${missing.slice(0, 5).join(", ")}.`, "productCodes");
  return rows.map((r) => r.id);
}

async function columns(tx: Db, d: DealForm) {
  const scopeIds = d.scope === "categories" ? d.categoryIds : d.scope === "products" ? await productIds(tx, d.productCodes) : [];
  if (d.scope === "categories") {
    const found = await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, scopeIds));
    if (found.length !== new Set(scopeIds).size) throw new UserError("Choose categories from the list.", "categoryIds");
  }
  return {
    code: d.code,
    name: d.name,
    description: d.description,
    type: d.type,
    value: d.value,
    bundleQuantity: d.bundleQuantity,
    scope: d.scope,
    scopeIds,
    targeting: d.targeting,
    minSpendPence: d.minSpend,
    startsAt: d.startsAt ?? new Date(),
    endsAt: d.endsAt,
    usageLimit: d.usageLimit,
    perCustomerLimit: d.perCustomerLimit,
    priority: d.priority,
    stackable: d.stackable,
    requiresCode: d.requiresCode,
    active: d.active,
  };
}

const FIELDS = [
  "code",
  "name",
  "description",
  "type",
  "value",
  "bundleQuantity",
  "scope",
  "scopeIds",
  "targeting",
  "minSpendPence",
  "startsAt",
  "endsAt",
  "usageLimit",
  "perCustomerLimit",
  "priority",
  "stackable",
  "requiresCode",
  "active",
] as const;
const diff = (before: Deal, after: Deal) => changedFields(before, after, FIELDS);

async function guardCode<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new UserError("Another deal already has that code.", "code");
    throw err;
  }
}

export async function createDeal({ tx, audit }: AdminContext, d: DealForm): Promise<Deal> {
  const values = await columns(tx, d);
  const [clash] = await tx.select({ id: deals.id }).from(deals).where(eq(deals.code, values.code)).limit(1);
  if (clash) throw new UserError("Another deal already has that code.", "code");
  const [row] = await guardCode(() => tx.insert(deals).values(values).returning());
  await audit({ action: "deal.create", entity: "deal", entityId: row!.id, before: null, after: pickFields(row!, FIELDS) });
  return row!;
}

export async function updateDeal({ tx, audit }: AdminContext, id: number, d: DealForm): Promise<Deal> {
  const [before] = await tx.select().from(deals).where(eq(deals.id, id)).limit(1).for("update");
  if (!before) throw new UserError("That deal no longer exists.");
  const values = await columns(tx, d);
  if (values.usageLimit !== null && values.usageLimit < before.redemptions)
    throw new UserError(`Already redeemed ${before.redemptions} times: the limit cannot be lower.`, "usageLimit");
  const [clash] = await tx
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.code, values.code), sql`${deals.id} <> ${id}`))
    .limit(1);
  if (clash) throw new UserError("Another deal already has that code.", "code");
  const [after] = await guardCode(() => tx.update(deals).set(values).where(eq(deals.id, id)).returning());
  const change = diff(before, after!);
  if (Object.keys(change.after).length) await audit({ action: "deal.update", entity: "deal", entityId: id, ...change });
  return after!;
}

export async function setDealActive({ tx, audit }: AdminContext, id: number, active: boolean): Promise<Deal> {
  const [before] = await tx.select().from(deals).where(eq(deals.id, id)).limit(1).for("update");
  if (!before) throw new UserError("That deal no longer exists.");
  const [after] = await tx.update(deals).set({ active }).where(eq(deals.id, id)).returning();
  if (before.active !== active) await audit({ action: active ? "deal.resume" : "deal.pause", entity: "deal", entityId: id, before: { active: before.active }, after: { active } });
  return after!;
}

/** Who the targeting reaches now: customers in it, and how many of them are in the control group (who will not see it). */
export async function dealReach(db: Db, targeting: DealTargeting) {
  const t = sql`${JSON.stringify(targeting)}::jsonb`;
  const { rows } = await db.execute<{ n: number; held: number }>(sql`
    select count(*)::int as n, count(*) filter (where ${controlGroupSql(sql`u.id`)})::int as held
    from users u where u.role = 'customer' and ${aimedAt(t, sql`u.id`)}`);
  return { customers: Number(rows[0]!.n), controlGroup: Number(rows[0]!.held) };
}

/** Which active products a scope covers: how many, and a few by bestselling. */
export async function dealScopePreview(db: Db, scope: Deal["scope"], ids: number[]) {
  const where = scope === "all" ? sql`true` : scope === "categories" ? sql`p.category_id = any(${intArray(ids)})` : sql`p.id = any(${intArray(ids)})`;
  const { rows } = await db.execute<{ n: number; titles: string[] | null }>(sql`
    select count(*)::int as n, (array_agg(p.title order by p.units_sold desc, p.id))[1:5] as titles
    from products p where p.status = 'active' and ${where}`);
  return { products: Number(rows[0]!.n), sample: rows[0]!.titles ?? [] };
}

/** Deals with their redemptions and the discount given (newest first). */
export async function listDealsWithStats(db: Db) {
  return db
    .select({
      deal: deals,
      redeemedBy: sql<number>`(select count(distinct r.user_id)::int from ${dealRedemptions} r where r.deal_id = ${deals.id})`,
      discountPence: sql<number>`(select coalesce(sum(r.discount_pence), 0)::int from ${dealRedemptions} r where r.deal_id = ${deals.id})`,
    })
    .from(deals)
    .orderBy(desc(deals.active), desc(deals.id));
}

/** One deal's redemptions: when, which order, which customer, how much. */
export async function dealRedemptionList(db: Db, dealId: number, limit = 100) {
  return db
    .select({ at: dealRedemptions.at, discountPence: dealRedemptions.discountPence, orderNumber: orders.number, userId: dealRedemptions.userId, email: users.email })
    .from(dealRedemptions)
    .innerJoin(orders, eq(orders.id, dealRedemptions.orderId))
    .leftJoin(users, eq(users.id, dealRedemptions.userId))
    .where(eq(dealRedemptions.dealId, dealId))
    .orderBy(desc(dealRedemptions.at))
    .limit(limit);
}
