import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdpEvents, orders, outbox, users } from "@/db/schema";
import { createAccount } from "@/lib/auth/accounts";
import { verifyCredentials } from "@/lib/auth/credentials";
import { addItem, createCart } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { MAILS_PER_ADDRESS_PER_HOUR as CLAIM_MAILS_PER_HOUR } from "@/lib/mail";
import { adoptOnSignIn, claimInfo, completeClaim, offerGuestOrders, requestClaim } from "./claim";

let db: Db;
let lamp: number;
let seq = 0;
const address = { name: "Gil Guest", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "07700 900123" };

async function guestOrder(email: string) {
  const cartId = await createCart(db);
  await addItem(db, cartId, lamp, 1);
  const placed = await placeOrder(db, {
    userId: null,
    email,
    cartId,
    address,
    method: "standard",
    payment: "cod",
    idempotencyKey: `claim-key-${++seq}-abcdefgh`,
    saveAddress: false,
    makeEcoDefault: false,
  });
  // The events the checkout records for it (a guest browser, no user).
  await db.insert(cdpEvents).values({
    messageId: `oc-${placed.number}`,
    type: "track",
    event: "Order Completed",
    category: "necessary",
    anonymousId: `anon-claim-${seq}-0000000000`,
    properties: { order_id: placed.number },
    timestamp: new Date(),
  });
  return placed.number;
}
const ownerOf = async (number: string) => (await db.select({ u: orders.userId }).from(orders).where(eq(orders.number, number)))[0]!.u;
const claimLink = async (to: string) => {
  const [m] = await db.select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.id)).limit(1);
  return { mail: m!, token: new URL(String(m!.meta.link)).searchParams.get("token")! };
};

beforeAll(async () => {
  db = await createTestDb();
  [lamp] = (await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 100 }])).map((p) => p.id) as [number];
});
afterAll(dropTestDb);

describe("a guest saves their details", () => {
  it("gets an emailed link; the link makes an account that owns only that email's guest orders and their events", async () => {
    const first = await guestOrder("gil@example.com");
    const second = await guestOrder("GIL@example.com");
    const stranger = await guestOrder("someone-else@example.com");
    await requestClaim(db, first);
    const { mail, token } = await claimLink("gil@example.com");
    expect(mail.subject).toBe(`Save your details for order ${first}`);
    expect(await claimInfo(db, token)).toEqual({ email: "gil@example.com", hasAccount: false, orderNumber: first });

    const done = await completeClaim(db, token, "a good password");
    expect(done).toMatchObject({ email: "gil@example.com", created: true });
    expect(new Set(done.adopted)).toEqual(new Set([first, second]));
    expect(await ownerOf(first)).toBe(done.userId);
    expect(await ownerOf(second)).toBe(done.userId);
    expect(await ownerOf(stranger)).toBeNull();
    const [u] = await db.select().from(users).where(eq(users.id, done.userId));
    expect(u).toMatchObject({ name: "Gil Guest", role: "customer" });
    expect(u!.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await verifyCredentials(db, { email: "gil@example.com", password: "a good password" }, { ip: "10.1.0.1" }))?.id).toBe(String(done.userId));
    const events = await db.select({ u: cdpEvents.userId, o: sql<string>`${cdpEvents.properties}->>'order_id'` }).from(cdpEvents);
    expect(events.filter((e) => e.o === first || e.o === second).every((e) => e.u === done.userId)).toBe(true);
    expect(events.find((e) => e.o === stranger)?.u).toBeNull();

    // Single use.
    await expect(completeClaim(db, token, "another password")).rejects.toThrow(/invalid, used or expired/);
    expect(await claimInfo(db, token)).toBeNull();
    // A later guest order to the verified email joins the account at the next sign-in.
    const later = await guestOrder("gil@example.com");
    expect(await adoptOnSignIn(db, done.userId)).toEqual([later]);
    expect(await ownerOf(later)).toBe(done.userId);
  });

  it("an existing account is never taken over: the link verifies it and adds the orders, the password stays", async () => {
    const owner = await createAccount(db, { name: "Ola Owner", email: "ola@example.com", password: "ola's own password" });
    const number = await guestOrder("ola@example.com");
    // Not verified yet: signing in adopts nothing (anyone can type an email at a guest checkout).
    expect(await adoptOnSignIn(db, owner.id)).toEqual([]);
    expect(await ownerOf(number)).toBeNull();
    await requestClaim(db, number);
    const { mail, token } = await claimLink("ola@example.com");
    expect(mail.subject).toBe(`Add order ${number} to your Hearth account`);
    expect((await claimInfo(db, token))?.hasAccount).toBe(true);
    const done = await completeClaim(db, token, "attacker's password");
    expect(done).toMatchObject({ userId: owner.id, created: false, adopted: [number] });
    expect(await verifyCredentials(db, { email: "ola@example.com", password: "attacker's password" }, { ip: "10.1.0.2" })).toBeNull();
    expect((await verifyCredentials(db, { email: "ola@example.com", password: "ola's own password" }, { ip: "10.1.0.2" }))?.id).toBe(String(owner.id));
  });

  it("sends at most three links an hour to one address, whoever asks; an account's order cannot be claimed", async () => {
    const number = await guestOrder("flood@example.com");
    for (let i = 0; i < CLAIM_MAILS_PER_HOUR + 3; i++) await requestClaim(db, number);
    expect((await db.select().from(outbox).where(eq(outbox.to, "flood@example.com"))).filter((m) => m.meta.kind === "claim")).toHaveLength(CLAIM_MAILS_PER_HOUR);
    const [gil] = await db
      .select()
      .from(orders)
      .where(sql`lower(${orders.email}) = 'gil@example.com'`)
      .limit(1);
    await expect(requestClaim(db, gil!.number)).rejects.toThrow("already saved to an account");
  });

  it("a sign-up with an email that has guest orders is offered them by the emailed link, not given them", async () => {
    const number = await guestOrder("newbie@example.com");
    const me = await createAccount(db, { name: "Nia Newbie", email: "newbie@example.com", password: "newbie password" });
    await offerGuestOrders(db, "newbie@example.com");
    expect(await ownerOf(number)).toBeNull();
    const { mail, token } = await claimLink("newbie@example.com");
    expect(mail.subject).toBe(`Add order ${number} to your Hearth account`);
    expect((await completeClaim(db, token, null)).adopted).toEqual([number]);
    expect(await ownerOf(number)).toBe(me.id);
  });
});
