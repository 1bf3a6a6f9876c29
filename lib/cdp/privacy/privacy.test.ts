import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addresses,
  cdpDeadLetters,
  csatResponses,
  deals,
  emailTokens,
  returnLines,
  returns,
  orderLines,
  orders,
  outbox,
  passwordResetTokens,
  rateLimits,
  users,
  auditLog,
} from "@/db/schema";
import { trainAndStore } from "@/lib/recs/train";
import { redeemDeal } from "@/lib/deals/redeem";
import { refreshKpiFacts } from "@/lib/kpi/facts";
import { addItem, cartIdForUser } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { serverEvent } from "@/lib/cdp/track/capture";
import { saveConsent } from "@/lib/cdp/identity/consent";
import { stitchAnonymous } from "@/lib/cdp/identity/identity";
import { CUSTOMER_DATA_TABLES, deleteCustomer, exportCustomerData, NO_CUSTOMER_DATA } from "@/lib/cdp/privacy/privacy";
import { recordView } from "@/lib/cdp/track/recently-viewed";
import { recomputeAll } from "@/lib/cdp/audience/refresh";
import { writeEvents } from "@/lib/cdp/collect/write";

let db: Db;
let lamp: number;
type Person = { id: number; email: string; name: string; street: string; phone: string; anon: string; order: string };

/** A customer with something in every table that can hold their data. */
async function customer(tag: string): Promise<Person> {
  const email = `${tag}@example.com`;
  const name = `${tag[0]!.toUpperCase()}${tag.slice(1)} Zebedee`;
  const street = `${tag} Lane 7`;
  const phone = `0770090${tag.length}${tag.length}${tag.length}1`;
  const anon = `anon-${tag}-000000000001`;
  const [u] = await db.insert(users).values({ email, name, country: "GB" }).returning({ id: users.id });
  const id = u!.id;
  const address = { name, line1: street, line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone };
  await db.insert(addresses).values({ userId: id, ...address });
  await writeEvents(db, [serverEvent({ event: "Product Viewed", anonymousId: anon, properties: { product_id: lamp } })]);
  await recordView(db, { userId: null, anonymousId: anon }, lamp);
  await saveConsent(db, { anonymousId: anon }, { analytics: true, personalization: true, source: "banner" });
  await stitchAnonymous(db, anon, id);
  const cartId = await cartIdForUser(db, id);
  await addItem(db, cartId, lamp, 1);
  const placed = await placeOrder(db, {
    userId: id,
    email,
    cartId,
    address,
    method: "bike",
    payment: "cod",
    idempotencyKey: `key-${tag}-0123456789abcdef`,
    saveAddress: false,
    makeEcoDefault: false,
  });
  await db.update(orders).set({ status: "delivered" }).where(eq(orders.id, placed.orderId));
  await db.insert(csatResponses).values({ orderId: placed.orderId, userId: id, orderRating: 5, deliveryRating: 5, comment: `Lovely, thanks from ${name}` });
  await addItem(db, cartId, lamp, 1);
  await writeEvents(db, [serverEvent({ event: "Identify", type: "identify", userId: id, properties: { name, email } })]);
  await writeEvents(db, [serverEvent({ event: "Product Clicked", userId: id, anonymousId: anon, properties: { surface: "for_you", rank: 1, product_id: lamp } })]);
  await db.insert(passwordResetTokens).values({ tokenHash: `hash-${tag}`, userId: id, expiresAt: new Date(Date.now() + 3600_000) });
  await db.insert(outbox).values({ to: email, subject: "Your order", text: `Hello ${name}` });
  await db
    .insert(cdpDeadLetters)
    .values({ messageId: `dead-${tag}`, userId: id, anonymousId: anon, event: "Product Clicked", payload: `{"name":"${name}"}`, error: "unsupported Unicode escape sequence" });
  const [ret] = await db
    .insert(returns)
    .values({ orderId: placed.orderId, note: `Return note from ${name}` })
    .returning();
  await db.insert(returnLines).values({ returnId: ret!.id, lineNo: 1, quantity: 1, reason: "other" });
  await db.insert(emailTokens).values({ tokenHash: `claim-${tag}`, email, purpose: "claim", orderId: placed.orderId, expiresAt: new Date(Date.now() + 3600_000) });
  await db.insert(rateLimits).values({ key: `signin:acct:${email}`, windowStart: new Date(), count: 1 });
  return { id, email, name, street, phone, anon, order: placed.number };
}

let ann: Person, bob: Person;
beforeAll(async () => {
  db = await createTestDb();
  [lamp] = (await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 100 }])).map((p) => p.id) as [number];
  ann = await customer("annabel");
  bob = await customer("bartholomew");
  // Bob also bought a mug, so the recommender has something to suggest to Ann.
  const [mug] = await insertProducts(db, [{ sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450 }]);
  const [o] = await db.insert(orders).values({ number: "X1", userId: bob.id, placedAt: new Date(), totalPence: 450 }).returning({ id: orders.id });
  await db.insert(orderLines).values({ orderId: o!.id, lineNo: 1, productId: mug!.id, sku: "M1", title: "Spotty Mug", quantity: 1, unitPricePence: 450 });
  await recomputeAll(db);
  await trainAndStore(db);
  // A deal aimed at both by name, redeemed by each on their order.
  const [deal] = await db
    .insert(deals)
    .values({ code: "THANKS", name: "Thank you", type: "amount_off", value: 100, targeting: { customers: [ann.id, bob.id] } })
    .returning();
  for (const c of [ann, bob]) {
    const [o] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, c.order));
    await redeemDeal(db, { dealId: deal!.id, userId: c.id, orderId: o!.id, discountPence: 100 });
  }
  await refreshKpiFacts(db);
  // Staff changed each account once (the audit log names the account and holds the values).
  for (const c of [ann, bob]) {
    await db.insert(auditLog).values({
      actorEmail: "boss@example.com",
      action: "customer.update",
      entity: "user",
      entityId: String(c.id),
      before: { email: c.email },
      after: { email: c.email, name: "x" },
    });
  }
});
afterAll(dropTestDb);

async function allTables(): Promise<string[]> {
  const { rows } = await db.execute<{ t: string }>(
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return rows.map((r) => r.t);
}

/** Every text-like value in every table, with where it was found, for the needles given. */
async function findAnywhere(needles: string[]): Promise<string[]> {
  const { rows: cols } = await db.execute<{ t: string; c: string }>(sql`
    select table_name as t, column_name as c from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying', 'ARRAY')`);
  const hits: string[] = [];
  for (const { t, c } of cols) {
    for (const n of needles) {
      const { rows } = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(t)} where lower(${sql.identifier(c)}::text) like ${"%" + n.toLowerCase() + "%"}`,
      );
      if (rows[0]!.n) hits.push(`${t}.${c} has "${n}"`);
    }
  }
  return hits;
}

describe("privacy", () => {
  it("every table is either exported per customer or declared free of customer data", async () => {
    const listed = new Set([...CUSTOMER_DATA_TABLES, ...NO_CUSTOMER_DATA]);
    expect((await allTables()).filter((t) => !listed.has(t))).toEqual([]);
  });

  it("the export holds every table's rows for the customer and nothing of anyone else", async () => {
    const data = await exportCustomerData(db, ann.id);
    expect(Object.keys(data.tables).sort()).toEqual([...CUSTOMER_DATA_TABLES].sort());
    for (const table of CUSTOMER_DATA_TABLES) expect(data.tables[table]!.length, `${table} rows`).toBeGreaterThan(0);
    const text = JSON.stringify(data);
    for (const s of [ann.email, ann.street, ann.order, ann.anon]) expect(text).toContain(s);
    for (const s of [bob.email, bob.name, bob.street, bob.order, bob.anon]) expect(text).not.toContain(s);
    expect(text).not.toMatch(/password_hash|\$argon2|hash-annabel/);
  });

  it("deleting a customer leaves none of their personal data in any table, keeps anonymized orders and others' data", async () => {
    const revenueBefore = (await db.execute<{ s: number }>(sql`select sum(total_pence)::int as s from orders`)).rows[0]!.s;
    const r = await deleteCustomer(db, ann.id);
    expect(r.ordersAnonymized).toBe(1);
    expect(r.eventsDeleted).toBeGreaterThanOrEqual(2);

    expect(await findAnywhere([ann.email, ann.name, ann.street, ann.phone, ann.anon, "annabel"])).toEqual([]);
    const { rows: idCols } = await db.execute<{ t: string; c: string }>(sql`
      select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and column_name in ('user_id', 'created_by')`);
    for (const { t, c } of idCols) {
      const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(t)} where ${sql.identifier(c)} = ${ann.id}`);
      expect(rows[0]!.n, `${t}.${c}`).toBe(0);
    }
    // The order stays for the accounts, without a person attached.
    const [o] = await db.select().from(orders).where(eq(orders.number, ann.order));
    expect(o).toMatchObject({ userId: null, email: null, shippingAddress: { country: "GB" } });
    expect((await db.execute<{ s: number }>(sql`select sum(total_pence)::int as s from orders`)).rows[0]!.s).toBe(revenueBefore);
    // Bob is untouched.
    expect((await findAnywhere([bob.email])).length).toBeGreaterThan(3);
    expect((await exportCustomerData(db, bob.id)).tables.cdp_events!.length).toBeGreaterThan(0);
    // Deals aimed at her by id no longer name her.
    const [deal] = await db.select().from(deals).where(eq(deals.code, "THANKS"));
    expect(deal!.targeting.customers).toEqual([bob.id]);
    // The email is free again.
    await db.insert(users).values({ email: ann.email });
  });
});
