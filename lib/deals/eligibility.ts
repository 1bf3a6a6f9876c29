import { asc, desc, sql, type SQL } from "drizzle-orm";
import { deals, type Deal } from "@/db/schema";
import type { DbOrTx } from "@/lib/db";
import { saleOrder } from "@/lib/orders/sql";

/**
 * Whether a deal's targeting (a jsonb value) takes in the customer `userId` (an int expression):
 * by customer id, segment membership or lifecycle stage (any one of the lists; no list means every
 * signed-in customer), and first orders only when set. Shared by eligibility and the admin's reach preview.
 */
export function aimedAt(t: SQL, userId: SQL): SQL {
  return sql`(
    (coalesce(jsonb_array_length(${t}->'customers'), 0) = 0
      and coalesce(jsonb_array_length(${t}->'segments'), 0) = 0
      and coalesce(jsonb_array_length(${t}->'lifecycle'), 0) = 0)
    or (${t}->'customers') @> to_jsonb(${userId})
    or exists (select 1 from segment_memberships m join segments s on s.id = m.segment_id
               where m.user_id = ${userId} and (${t}->'segments') ? s.slug)
    or exists (select 1 from cdp_profiles p where p.user_id = ${userId} and (${t}->'lifecycle') ? p.lifecycle)
  )
  and (coalesce((${t}->>'firstOrderOnly')::boolean, false) = false
    or not exists (select 1 from orders o where o.user_id = ${userId} and ${saleOrder("o")}))`;
}

/**
 * The deals a customer gets by themselves now, decided in SQL: active, in its window, under its
 * global and per-customer limits, and aimed at them (`aimedAt`). Promo codes (`requires_code`)
 * apply only when typed (lib/deals/codes.ts).
 */
export async function eligibleDeals(db: DbOrTx, userId: number, at = new Date()): Promise<Deal[]> {
  const t = sql`${deals.targeting}`;
  return db
    .select()
    .from(deals)
    .where(
      sql`${deals.active} and not ${deals.requiresCode} and ${deals.startsAt} <= ${at.toISOString()}::timestamptz
      and (${deals.endsAt} is null or ${deals.endsAt} > ${at.toISOString()}::timestamptz)
      and (${deals.usageLimit} is null or ${deals.redemptions} < ${deals.usageLimit})
      and (select count(*) from deal_redemptions r where r.deal_id = ${deals.id} and r.user_id = ${userId}) < ${deals.perCustomerLimit}
      and ${aimedAt(t, sql`${userId}::int`)}`,
    )
    .orderBy(desc(deals.priority), asc(deals.id));
}
