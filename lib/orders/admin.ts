import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { csatResponses, orders, shipments, users } from "@/db/schema";
import type { AdminContext } from "@/lib/admin/action";
import type { Db } from "@/lib/db";
import { NEXT, setShipmentStatus, type ShipmentStatus } from "@/lib/delivery/status";
import { UserError } from "@/lib/result";
import { SHOP_TIME_ZONE } from "@/lib/time";
import { cancelWithStockBack } from "./self-service";

export const ORDERS_PAGE = 50;
const SHIPMENT_STATUSES = ["placed", "packed", "dispatched", "out_for_delivery", "failed_attempt", "delivered", "cancelled"] as const;

export const adminOrdersSchema = z.object({
  q: textInput({ max: 100 }).optional().catch(undefined),
  status: z.enum(SHIPMENT_STATUSES).optional().catch(undefined),
  method: z.enum(["standard", "express", "bike", "ev"]).optional().catch(undefined),
  source: z.enum(["web", "import"]).optional().catch(undefined),
  /** Only orders with a low rating (either score ≤ 2), for follow-up. */
  lowCsat: z.literal("1").optional().catch(undefined),
  after: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AdminOrdersParams = z.infer<typeof adminOrdersSchema>;

/** Orders, newest first (keyset on id), by number or email, shipment status, method, source, low rating. */
export async function listAdminOrders(db: Db, p: AdminOrdersParams) {
  const where: SQL[] = [];
  if (p.q) {
    const q = p.q.trim();
    where.push(
      /^[A-Za-z]?\d{5,8}$/.test(q) ? eq(orders.number, q.toUpperCase()) : sql`(lower(${orders.email}) = ${q.toLowerCase()} or lower(${users.email}) = ${q.toLowerCase()})`,
    );
  }
  if (p.status) where.push(eq(shipments.status, p.status));
  if (p.method) where.push(eq(shipments.method, p.method));
  if (p.source) where.push(eq(orders.source, p.source));
  if (p.lowCsat) where.push(sql`least(${csatResponses.orderRating}, ${csatResponses.deliveryRating}) <= 2`);
  if (p.after) where.push(lt(orders.id, p.after));
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      placedAt: orders.placedAt,
      email: sql<string | null>`coalesce(${orders.email}, ${users.email})`,
      userId: orders.userId,
      totalPence: orders.totalPence,
      source: orders.source,
      orderStatus: orders.status,
      shipmentStatus: shipments.status,
      method: shipments.method,
      promisedTo: shipments.promisedTo,
      orderRating: csatResponses.orderRating,
      deliveryRating: csatResponses.deliveryRating,
    })
    .from(orders)
    .leftJoin(shipments, eq(shipments.orderId, orders.id))
    .leftJoin(csatResponses, eq(csatResponses.orderId, orders.id))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(and(eq(orders.kind, "sale"), ...where))
    .orderBy(desc(orders.id))
    .limit(ORDERS_PAGE + 1);
  return { rows: rows.slice(0, ORDERS_PAGE), next: rows.length > ORDERS_PAGE ? rows[ORDERS_PAGE - 1]!.id : null };
}

/** Who placed an order (for the detail page's link to the customer). */
export async function orderCustomer(db: Db, userId: number | null) {
  if (!userId) return null;
  const [u] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return u ?? null;
}

export const shipmentChangeSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[A-Z]?\d{5,8}$/),
  to: z.enum(SHIPMENT_STATUSES),
  note: textInput({ max: 200, multiline: true }).default(""),
});

/**
 * A status change from the admin: through `setShipmentStatus`, the function checkout, the
 * simulator and the tracking page's live updates all use; a cancel puts the stock back.
 */
export async function changeShipment({ tx, audit, user }: AdminContext, c: z.output<typeof shipmentChangeSchema>) {
  const [o] = await tx.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.number, c.number)).limit(1).for("update");
  if (!o) throw new UserError("Order not found.");
  const [s] = await tx.select({ id: shipments.id, status: shipments.status }).from(shipments).where(eq(shipments.orderId, o.id));
  if (!s) throw new UserError("This order has no shipment (imported history).");
  if (!NEXT[s.status as ShipmentStatus].includes(c.to)) throw new UserError(`A shipment that is ${s.status.replace(/_/g, " ")} cannot become ${c.to.replace(/_/g, " ")}.`, "to");
  const note = c.note || `By ${user.email}`;
  if (c.to === "cancelled") await cancelWithStockBack(tx, o.id, note);
  else await setShipmentStatus(tx as unknown as Parameters<typeof setShipmentStatus>[0], s.id, c.to, { note });
  await audit({ action: "order.status", entity: "order", entityId: o.number, before: { status: s.status }, after: { status: c.to, note: c.note || undefined } });
  return { orderId: o.id, number: o.number, to: c.to };
}

export const pickListSchema = z.object({
  /** A shop-local day (orders placed then); "all": every order not yet dispatched. */
  day: z
    .union([z.literal("all"), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])
    .optional()
    .catch(undefined),
});

/**
 * The pick list: every web order of the day that is not dispatched yet (placed or packed), and
 * what to take from the shelves for them, by SKU with the orders each goes in.
 */
export async function pickList(db: Db, day: string) {
  const onDay = day === "all" ? sql`true` : sql`(o.placed_at at time zone ${SHOP_TIME_ZONE})::date = ${day}::date`;
  const [items, list] = await Promise.all([
    db.execute<{ sku: string; title: string; quantity: number; stock: number | null; orders: string[] }>(sql`
      select l.sku, min(l.title) as title, sum(l.quantity)::int as quantity, max(p.stock) as stock, array_agg(distinct o.number order by o.number) as orders
        from orders o join shipments s on s.order_id = o.id
        join order_lines l on l.order_id = o.id and l.kind = 'product'
        left join products p on p.id = l.product_id
       where o.kind = 'sale' and s.status in ('placed', 'packed') and ${onDay}
       group by l.sku order by l.sku`),
    db.execute<{ number: string; name: string | null; postcode: string | null; method: string; status: string; items: number }>(sql`
      select o.number, o.shipping_address->>'name' as name, o.shipping_address->>'postcode' as postcode, s.method, s.status,
             (select coalesce(sum(quantity), 0)::int from order_lines where order_id = o.id and kind = 'product') as items
        from orders o join shipments s on s.order_id = o.id
       where o.kind = 'sale' and s.status in ('placed', 'packed') and ${onDay}
       order by o.id`),
  ]);
  return { items: items.rows.map((r) => ({ ...r, quantity: Number(r.quantity) })), orders: list.rows };
}

export const bulkStatusSchema = z.object({
  numbers: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Z]?\d{5,8}$/),
    )
    .min(1, "Tick the orders first")
    .max(200, "At most 200 orders at a time"),
  to: z.enum(["packed", "dispatched"], { error: "Choose packed or dispatched" }),
});

/**
 * "Packed" / "Dispatched" for many orders at once, each through `setShipmentStatus` (a placed order
 * marked dispatched is packed first). Orders that cannot take the step are listed, not failed.
 */
export async function bulkShipmentStatus({ tx, audit, user }: AdminContext, input: z.output<typeof bulkStatusSchema>) {
  const done: string[] = [];
  const skipped: string[] = [];
  for (const number of [...new Set(input.numbers)]) {
    const [row] = await tx
      .select({ id: shipments.id, status: shipments.status })
      .from(shipments)
      .innerJoin(orders, eq(orders.id, shipments.orderId))
      .where(eq(orders.number, number))
      .for("update");
    const path: ShipmentStatus[] = !row
      ? []
      : row.status === "placed" && input.to === "dispatched"
        ? ["packed", "dispatched"]
        : NEXT[row.status as ShipmentStatus].includes(input.to)
          ? [input.to]
          : [];
    if (!row || !path.length) {
      skipped.push(number);
      continue;
    }
    for (const to of path) await setShipmentStatus(tx as unknown as Parameters<typeof setShipmentStatus>[0], row.id, to, { note: `By ${user.email}` });
    await audit({ action: "order.status", entity: "order", entityId: number, before: { status: row.status }, after: { status: input.to, bulk: true } });
    done.push(number);
  }
  return { done, skipped };
}
