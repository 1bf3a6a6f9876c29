import { eq } from "drizzle-orm";
import { cdpEvents, csatResponses, dealRedemptions, deals as dealsTable, orderLines, orders, segmentMemberships, segments, shipments, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { EVENTS } from "@/lib/cdp/track/events";
import { inControlGroup } from "@/lib/recs/holdout";
import { addDays, daysBetween, localBucket, previousPeriod, type KpiFilters } from "./filters";

/**
 * The KPIs again, in plain TypeScript over raw rows: the tests' independent check of the SQL in
 * queries.ts. Written from the definitions, not from the SQL: local days come from Intl, not from
 * `at time zone`; nothing here is used by the shop.
 */
export type Raw = Awaited<ReturnType<typeof loadRaw>>;

export async function loadRaw(db: Db) {
  const segmentRows = await db
    .select({ slug: segments.slug, userId: segmentMemberships.userId })
    .from(segmentMemberships)
    .innerJoin(segments, eq(segments.id, segmentMemberships.segmentId));
  return {
    orders: await db.select().from(orders),
    lines: await db.select().from(orderLines),
    users: await db.select({ id: users.id, role: users.role, createdAt: users.createdAt }).from(users),
    shipments: await db.select().from(shipments),
    csat: await db.select().from(csatResponses),
    redemptions: await db.select().from(dealRedemptions),
    deals: await db.select({ id: dealsTable.id, code: dealsTable.code }).from(dealsTable),
    events: await db.select().from(cdpEvents),
    segments: segmentRows,
  };
}

const day = (d: Date) => localBucket(d, "day");
const inRange = (d: Date | null, f: KpiFilters) => d !== null && day(d) >= f.from && day(d) <= f.to;
// The previous period's bounds are plain date arithmetic (filters.ts); what is counted in it is computed here.
const prev = previousPeriod;

export function reference(raw: Raw, f: KpiFilters) {
  const members = f.segment ? new Set(raw.segments.filter((s) => s.slug === f.segment).map((s) => s.userId)) : null;
  const orderMatches = (o: Raw["orders"][number]) =>
    (!f.device || o.deviceType === f.device) && (!f.country || o.country === f.country) && (!members || (o.userId !== null && members.has(o.userId)));
  const isSale = (o: Raw["orders"][number]) => o.kind === "sale" && o.status !== "cancelled";
  const ordersIn = (g: KpiFilters) => raw.orders.filter((o) => o.status !== "cancelled" && orderMatches(o) && inRange(o.placedAt, g));
  const salesIn = (g: KpiFilters) => ordersIn(g).filter(isSale);
  const byId = new Map(raw.orders.map((o) => [o.id, o]));

  // Sales
  const cur = ordersIn(f);
  const sales = cur.filter(isSale);
  const salesPence = sales.reduce((s, o) => s + o.totalPence, 0);
  const refundsPence = cur.filter((o) => o.kind === "refund").reduce((s, o) => s + o.totalPence, 0);
  const web = sales.filter((o) => o.deviceType !== null);
  const webPence = web.reduce((s, o) => s + o.totalPence, 0);
  const mobilePence = web.filter((o) => o.deviceType === "mobile").reduce((s, o) => s + o.totalPence, 0);

  // Customers
  const buyers = (g: KpiFilters) =>
    new Set(
      salesIn(g)
        .filter((o) => o.userId !== null)
        .map((o) => o.userId!),
    );
  const firstSale = new Map<number, Date>();
  for (const o of raw.orders) if (isSale(o) && o.userId !== null && (!firstSale.has(o.userId) || o.placedAt < firstSale.get(o.userId)!)) firstSale.set(o.userId, o.placedAt);
  const countIn = new Map<number, number>();
  const firstHere = new Map<number, Date>();
  for (const o of sales) {
    if (o.userId === null) continue;
    countIn.set(o.userId, (countIn.get(o.userId) ?? 0) + 1);
    if (!firstHere.has(o.userId) || o.placedAt < firstHere.get(o.userId)!) firstHere.set(o.userId, o.placedAt);
  }
  // Not their first purchase: an earlier sale exists (any device or country) than their first one counted here.
  const boughtBefore = (u: number) => firstSale.get(u)! < firstHere.get(u)!;
  const repeaters = [...countIn].filter(([u, n]) => n >= 2 || boughtBefore(u)).length;
  const prevBuyers = buyers(prev(f));
  const curBuyers = buyers(f);

  // Cohorts (first purchase ever, by local month, within the range)
  const cohortOf = new Map<number, string>();
  for (const [u, at] of firstSale) if (inRange(at, f) && (!members || members.has(u))) cohortOf.set(u, localBucket(at, "month"));
  const cohortActive = new Map<string, Set<string>>();
  for (const o of sales) {
    const c = o.userId !== null ? cohortOf.get(o.userId) : undefined;
    if (!c) continue;
    const key = `${c}|${localBucket(o.placedAt, "month")}`;
    cohortActive.set(key, (cohortActive.get(key) ?? new Set()).add(String(o.userId)));
  }
  const cohorts = [...new Set(cohortOf.values())].sort().map((c) => ({
    cohort: c,
    customers: [...cohortOf.values()].filter((x) => x === c).length,
    active: Object.fromEntries([...cohortActive].filter(([k]) => k.startsWith(`${c}|`)).map(([k, v]) => [k.split("|")[1]!, v.size])),
  }));

  // Funnel: visits = (visitor, local day); steps are visits in which the event happened.
  const visits = new Map<string, { device: string; steps: Set<string> }>();
  for (const e of raw.events) {
    if ((e.type !== "page" && e.type !== "track") || !inRange(e.timestamp, f)) continue;
    if (e.userId === null && e.anonymousId === null) continue;
    if (f.device && e.deviceType !== f.device) continue;
    if (members && (e.userId === null || !members.has(e.userId))) continue;
    const device = e.deviceType ?? "unknown";
    const key = `${device}|${e.userId !== null ? `u${e.userId}` : `a${e.anonymousId}`}|${day(e.timestamp)}`;
    const v = visits.get(key) ?? { device, steps: new Set<string>() };
    if (e.event) v.steps.add(e.event);
    visits.set(key, v);
  }
  const funnelOf = (vs: { steps: Set<string> }[]) => ({
    visits: vs.length,
    productViews: vs.filter((v) => v.steps.has(EVENTS.productViewed)).length,
    carts: vs.filter((v) => v.steps.has(EVENTS.productAdded)).length,
    checkouts: vs.filter((v) => v.steps.has(EVENTS.checkoutStarted)).length,
    orders: vs.filter((v) => v.steps.has(EVENTS.orderCompleted)).length,
  });
  const devices = [...new Set([...visits.values()].map((v) => v.device))].sort();
  const funnel = [{ device: "all", ...funnelOf([...visits.values()]) }, ...devices.map((d) => ({ device: d, ...funnelOf([...visits.values()].filter((v) => v.device === d)) }))];

  // CSAT
  const answers = raw.csat.filter((c) => inRange(c.createdAt, f) && orderMatches(byId.get(c.orderId)!));
  const csatAverage = answers.length ? answers.reduce((s, c) => s + c.orderRating, 0) / answers.length : null;

  // Delivery
  const delivered = raw.shipments.filter((s) => s.deliveredAt !== null && inRange(s.deliveredAt, f) && orderMatches(byId.get(s.orderId)!));
  const ofSales = raw.shipments.filter((s) => {
    const o = byId.get(s.orderId)!;
    return isSale(o) && orderMatches(o) && inRange(o.placedAt, f);
  });
  const eco = ofSales.filter((s) => s.method === "bike" || s.method === "ev").length;

  // Deals
  const saleIds = new Set(sales.map((o) => o.id));
  const redeemed = raw.redemptions.filter((r) => saleIds.has(r.orderId));
  const dealOrders = new Set(redeemed.map((r) => r.orderId));

  // Recommendations
  const recEvents = raw.events.filter((e) => inRange(e.timestamp, f) && (!f.device || e.deviceType === f.device) && (!members || (e.userId !== null && members.has(e.userId))));
  const railViews = recEvents.filter((e) => e.event === "Product List Viewed").length;
  const clicks = recEvents.filter((e) => e.event === "Product Clicked").length;
  const allClicks = raw.events.filter((e) => e.event === "Product Clicked" && e.userId !== null && typeof e.properties.product_id === "number");
  let attributed = 0;
  for (const l of raw.lines) {
    const o = byId.get(l.orderId)!;
    if (!saleIds.has(o.id) || l.kind !== "product") continue;
    const hit = allClicks.some(
      (c) => c.userId === o.userId && c.properties.product_id === l.productId && c.timestamp <= o.placedAt && o.placedAt.getTime() - c.timestamp.getTime() < 7 * 86_400_000,
    );
    if (hit) attributed += l.quantity * l.unitPricePence;
  }

  // Lift
  const end = addDays(f.to, 1);
  const pop = raw.users.filter(
    (u) => u.role === "customer" && (!members || members.has(u.id)) && (day(u.createdAt) < end || raw.orders.some((o) => o.userId === u.id && day(o.placedAt) < end)),
  );
  const group = (control: boolean) => {
    const people = pop.filter((u) => inControlGroup(u.id) === control);
    const mine = sales.filter((o) => o.userId !== null && people.some((u) => u.id === o.userId));
    const converters = new Set(mine.map((o) => o.userId!));
    return {
      customers: people.length,
      converters: converters.size,
      orders: mine.length,
      aovPence: mine.length ? mine.reduce((s, o) => s + o.totalPence, 0) / mine.length : null,
      repeaters: [...converters].filter((u) => countIn.get(u)! >= 2 || boughtBefore(u)).length,
    };
  };

  // Per day (≤ 92 days) or month
  const grain = daysBetween(f.from, f.to) <= 92 ? "day" : "month";
  const series = new Map<string, { orders: number; revenuePence: number }>();
  for (const o of cur) {
    const b = localBucket(o.placedAt, grain);
    const x = series.get(b) ?? { orders: 0, revenuePence: 0 };
    x.orders += isSale(o) ? 1 : 0;
    x.revenuePence += o.totalPence;
    series.set(b, x);
  }
  // Month on month (whole months, up to the range's last day): of last month's buyers, those who bought this month
  const monthBuyers = new Map<string, Set<number>>();
  for (const o of raw.orders) {
    if (!isSale(o) || o.userId === null || !orderMatches(o) || day(o.placedAt) > f.to) continue;
    const m = localBucket(o.placedAt, "month");
    monthBuyers.set(m, (monthBuyers.get(m) ?? new Set()).add(o.userId));
  }

  return {
    series,
    monthBuyers,
    orders: sales.length,
    salesPence,
    refundsPence,
    revenuePence: salesPence + refundsPence,
    aovPence: sales.length ? salesPence / sales.length : null,
    customers: curBuyers.size,
    mobileShare: webPence ? mobilePence / webPence : null,
    repeat: { customers: countIn.size, repeaters },
    retention: { base: prevBuyers.size, retained: [...prevBuyers].filter((u) => curBuyers.has(u)).length },
    cohorts,
    funnel,
    csat: { responses: answers.length, average: csatAverage, distribution: [1, 2, 3, 4, 5].map((r) => answers.filter((a) => a.orderRating === r).length) },
    delivery: {
      delivered: delivered.length,
      onTime: delivered.filter((s) => s.onTime).length,
      averageHours: delivered.length
        ? delivered.reduce((s, x) => s + (x.deliveredAt!.getTime() - byId.get(x.orderId)!.placedAt.getTime()) / 3_600_000, 0) / delivered.length
        : null,
      shipments: ofSales.length,
      eco,
    },
    deals: {
      redemptions: redeemed.length,
      ordersWithDeal: dealOrders.size,
      discountPence: redeemed.reduce((s, r) => s + r.discountPence, 0),
      revenuePence: sales.filter((o) => dealOrders.has(o.id)).reduce((s, o) => s + o.totalPence, 0),
    },
    recs: { railViews, clicks, attributedRevenuePence: attributed },
    lift: { treatment: group(false), control: group(true) },
  };
}
