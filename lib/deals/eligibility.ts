import { sql } from "drizzle-orm";
import type { Deal } from "@/db/schema";
import type { Db } from "@/lib/db";

/**
 * The deals a customer may use now, decided in SQL: active, in its window, under its global and
 * per-customer limits, and aimed at them — by customer id, segment membership or lifecycle stage
 * (any one of the lists; no list means every signed-in customer), and first orders only when set.
 */
export async function eligibleDeals(db: Db, userId: number, at = new Date()): Promise<Deal[]> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    select d.* from deals d
    where d.active and d.starts_at <= ${at.toISOString()}::timestamptz
      and (d.ends_at is null or d.ends_at > ${at.toISOString()}::timestamptz)
      and (d.usage_limit is null or d.redemptions < d.usage_limit)
      and (select count(*) from deal_redemptions r where r.deal_id = d.id and r.user_id = ${userId}) < d.per_customer_limit
      and (
        (coalesce(jsonb_array_length(d.targeting->'customers'), 0) = 0
          and coalesce(jsonb_array_length(d.targeting->'segments'), 0) = 0
          and coalesce(jsonb_array_length(d.targeting->'lifecycle'), 0) = 0)
        or (d.targeting->'customers') @> to_jsonb(${userId}::int)
        or exists (select 1 from segment_memberships m join segments s on s.id = m.segment_id
                   where m.user_id = ${userId} and (d.targeting->'segments') ? s.slug)
        or exists (select 1 from cdp_profiles p where p.user_id = ${userId} and (d.targeting->'lifecycle') ? p.lifecycle)
      )
      and (coalesce((d.targeting->>'firstOrderOnly')::boolean, false) = false
        or not exists (select 1 from orders o where o.user_id = ${userId} and o.kind = 'sale' and o.status <> 'cancelled'))
    order by d.priority desc, d.id`);
  return rows.map(fromRow);
}

/** Raw rows (snake_case, text timestamps on node-postgres) → the Deal shape. */
function fromRow(r: Record<string, unknown>): Deal {
  const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  const ids = r.scope_ids;
  return {
    id: Number(r.id), code: String(r.code), name: String(r.name), description: String(r.description), type: r.type as Deal["type"],
    value: Number(r.value), bundleQuantity: r.bundle_quantity == null ? null : Number(r.bundle_quantity), scope: r.scope as Deal["scope"],
    scopeIds: Array.isArray(ids) ? ids.map(Number) : String(ids ?? "{}").replace(/[{}]/g, "").split(",").filter(Boolean).map(Number),
    targeting: (typeof r.targeting === "string" ? JSON.parse(r.targeting) : r.targeting) as Deal["targeting"],
    minSpendPence: Number(r.min_spend_pence), startsAt: date(r.starts_at)!, endsAt: date(r.ends_at), usageLimit: r.usage_limit == null ? null : Number(r.usage_limit),
    perCustomerLimit: Number(r.per_customer_limit), redemptions: Number(r.redemptions), priority: Number(r.priority), stackable: Boolean(r.stackable),
    active: Boolean(r.active), createdAt: date(r.created_at)!, updatedAt: date(r.updated_at)!,
  };
}
