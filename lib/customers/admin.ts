import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { cdpEvents, cdpProfiles, csatResponses, dealRedemptions, deals, orders, shipments, users } from "@/db/schema";
import { consentOfUser } from "@/lib/cdp/identity/consent";
import { segmentsOfUser } from "@/lib/cdp/audience/segments";
import type { Db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";

/**
 * Customers by number, email or name (staff search). A number is an exact id or the source
 * system's customer number; text matches the start of the email or any part of the name, served by
 * the trigram indexes at 100k customers.
 */
export async function searchCustomers(db: Db, q: string, limit = 50) {
  const text = q.trim().toLowerCase();
  if (!text) return [];
  const find = async (where: SQL) => {
    const { rows } = await db.execute<{
      id: number;
      email: string;
      name: string | null;
      externalId: string | null;
      country: string | null;
      lifecycle: string | null;
      orders: number | null;
      ltv: number | null;
    }>(sql`
      select u.id, u.email, u.name, u.external_id as "externalId", u.country, p.lifecycle, p.orders_count as orders, p.lifetime_value_pence as ltv
      from users u left join cdp_profiles p on p.user_id = u.id
      where u.role = 'customer' and ${where}
      -- By id: the planner can walk the primary key and stop at the limit instead of sorting every match of a common name.
      order by u.id limit ${limit}`);
    return rows.map((r) => ({ ...r, id: Number(r.id), orders: r.orders == null ? null : Number(r.orders), ltv: r.ltv == null ? null : Number(r.ltv) }));
  };
  // A number is first looked up exactly (Hearth's customer number or the source system's).
  const exact = /^\d{1,9}$/.test(text) ? await find(sql`(u.id = ${Number(text)} or u.external_id = ${text})`) : [];
  const fuzzy = await find(sql`(lower(u.email) like ${`${escapeLike(text)}%`} or lower(coalesce(u.name, '')) like ${`%${escapeLike(text)}%`})`);
  return [...exact, ...fuzzy.filter((c) => !exact.some((e) => e.id === c.id))].slice(0, limit);
}

/** Everything staff see about one customer: profile, segments, consent, orders, deliveries, ratings, events, deals. */
export async function customer360(db: Db, userId: number) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, externalId: users.externalId, country: users.country, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user || user.role !== "customer") return null;
  const [profile, segments, consent, orderRows, deliveries, ratings, events, redeemed] = await Promise.all([
    db
      .select()
      .from(cdpProfiles)
      .where(eq(cdpProfiles.userId, userId))
      .limit(1)
      .then((r) => r[0] ?? null),
    segmentsOfUser(db, userId),
    consentOfUser(db, userId),
    db
      .select({ id: orders.id, number: orders.number, placedAt: orders.placedAt, status: orders.status, kind: orders.kind, totalPence: orders.totalPence, source: orders.source })
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.placedAt))
      .limit(50),
    db
      .select({
        id: shipments.id,
        number: orders.number,
        method: shipments.method,
        status: shipments.status,
        promisedTo: shipments.promisedTo,
        deliveredAt: shipments.deliveredAt,
        onTime: shipments.onTime,
        co2Grams: shipments.co2Grams,
      })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(orders.userId, userId))
      .orderBy(desc(shipments.id))
      .limit(20),
    db
      .select({
        number: orders.number,
        orderRating: csatResponses.orderRating,
        deliveryRating: csatResponses.deliveryRating,
        comment: csatResponses.comment,
        at: csatResponses.createdAt,
      })
      .from(csatResponses)
      .innerJoin(orders, eq(orders.id, csatResponses.orderId))
      .where(eq(csatResponses.userId, userId))
      .orderBy(desc(csatResponses.createdAt))
      .limit(20),
    db
      .select({
        id: cdpEvents.id,
        event: cdpEvents.event,
        type: cdpEvents.type,
        deviceType: cdpEvents.deviceType,
        properties: cdpEvents.properties,
        timestamp: cdpEvents.timestamp,
      })
      .from(cdpEvents)
      .where(eq(cdpEvents.userId, userId))
      .orderBy(desc(cdpEvents.timestamp), desc(cdpEvents.id))
      .limit(30),
    db
      .select({ code: deals.code, name: deals.name, discountPence: dealRedemptions.discountPence, at: dealRedemptions.at, number: orders.number })
      .from(dealRedemptions)
      .innerJoin(deals, eq(deals.id, dealRedemptions.dealId))
      .innerJoin(orders, eq(orders.id, dealRedemptions.orderId))
      .where(and(eq(dealRedemptions.userId, userId)))
      .orderBy(desc(dealRedemptions.at))
      .limit(20),
  ]);
  return { user, profile, segments, consent, orders: orderRows, deliveries, ratings, events, redeemed };
}
