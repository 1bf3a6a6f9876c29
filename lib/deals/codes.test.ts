import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dealRedemptions, deals, orders, users } from "@/db/schema";
import { addItem, cartIdForUser, createCart, readCart, setCartCode } from "@/lib/cart/store";
import { placeOrder, type PlaceOrderInput } from "@/lib/checkout/place-order";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { checkCode, normalizeCode } from "./codes";

// The request around a server action: its address and cookie jar (the database stays real).
const request = { ip: "203.0.113.7", jar: new Map<string, string>() };
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, refresh: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
  cookies: async () => ({
    get: (n: string) => (request.jar.has(n) ? { name: n, value: request.jar.get(n)! } : undefined),
    set: (n: string, v: string) => void request.jar.set(n, v),
  }),
}));

let db: Db;
let lamp: number, mug: number;
const london = { name: "Gil Guest", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "07700 900123" };
let seq = 0;
const key = () => `codes-key-${Date.now()}-${++seq}-abcdef`;
const day = 86_400_000;
const basket = (pence: number, productId = lamp) => ({ lines: [{ productId, categoryId: 0, unitPricePence: pence, quantity: 1 }], shippingPence: 395, deliveryMethod: "standard" });

async function deal(code: string, extra: Partial<typeof deals.$inferInsert> = {}) {
  const [d] = await db
    .insert(deals)
    .values({ code, name: `Deal ${code}`, type: "percent_off", value: 10, requiresCode: true, ...extra })
    .returning();
  return d!;
}
async function customer(email: string) {
  const [u] = await db.insert(users).values({ email }).returning({ id: users.id });
  return u!.id;
}

beforeAll(async () => {
  db = await createTestDb();
  [lamp, mug] = (
    await insertProducts(db, [
      { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 50 },
      { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450, stock: 100 },
    ])
  ).map((p) => p.id) as [number, number];
  await deal("SPRING10", { minSpendPence: 2000 });
  await deal("PAUSED", { active: false });
  await deal("LATER", { startsAt: new Date(Date.now() + 3 * day) });
  await deal("OVER", { startsAt: new Date(Date.now() - 9 * day), endsAt: new Date(Date.now() - day) });
  await deal("GONE", { usageLimit: 1, redemptions: 1 });
  await deal("VIPONLY", { targeting: { segments: ["champions"] } });
  await deal("MUGS", { scope: "products", scopeIds: [mug] });
});
afterAll(dropTestDb);

describe("typing a discount code", () => {
  it("folds case, spaces and full-width letters, and refuses other characters clearly", async () => {
    expect(normalizeCode(" spring 10 ")).toBe("SPRING10");
    expect(normalizeCode("ｓｐｒｉｎｇ１０")).toBe("SPRING10");
    expect((await checkCode(db, "  Spring10 ", { userId: null }, basket(2500))).code).toBe("SPRING10");
    await expect(checkCode(db, "SPRÏNG10", { userId: null })).rejects.toThrow("Codes are 3–30 letters and digits");
    await expect(checkCode(db, "x".repeat(101), { userId: null })).rejects.toThrow("That code is too long");
    await expect(checkCode(db, "", { userId: null })).rejects.toThrow("Enter a code");
  });

  it("says why each code does not apply", async () => {
    const guest = { userId: null, email: "gil@example.com" };
    await expect(checkCode(db, "NOSUCH", guest)).rejects.toThrow("We don't recognise the code NOSUCH.");
    await expect(checkCode(db, "PAUSED", guest)).rejects.toThrow("The code PAUSED is no longer available.");
    await expect(checkCode(db, "LATER", guest)).rejects.toThrow(/^The code LATER starts on \d{1,2} \w+ \d{4}\.$/);
    await expect(checkCode(db, "OVER", guest)).rejects.toThrow(/^The code OVER expired on \d{1,2} \w+ \d{4}\.$/);
    await expect(checkCode(db, "GONE", guest)).rejects.toThrow("The code GONE has been used up.");
    await expect(checkCode(db, "VIPONLY", guest)).rejects.toThrow("The code VIPONLY is for selected customers: sign in to use it.");
    await expect(checkCode(db, "VIPONLY", { userId: await customer("not-vip@example.com") })).rejects.toThrow("The code VIPONLY isn't available on your account.");
    await expect(checkCode(db, "SPRING10", guest, basket(1250))).rejects.toThrow("Spend £7.50 more to use the code SPRING10.");
    await expect(checkCode(db, "MUGS", guest, basket(2500, lamp))).rejects.toThrow("The code MUGS doesn't apply to anything in your basket.");
  });
});

describe("a code at checkout", () => {
  const guestOrder = async (email: string, code: string | null, extra: Partial<PlaceOrderInput> = {}) => {
    const cartId = await createCart(db);
    await addItem(db, cartId, lamp, 1);
    if (code) await setCartCode(db, cartId, code);
    return {
      cartId,
      input: {
        userId: null,
        email,
        cartId,
        address: london,
        method: "standard",
        payment: "cod",
        idempotencyKey: key(),
        saveAddress: false,
        makeEcoDefault: false,
        ...extra,
      } as PlaceOrderInput,
    };
  };

  it("takes the discount off a guest's order, records the redemption and clears the cart's code", async () => {
    const { cartId, input } = await guestOrder("gil@example.com", "SPRING10");
    const placed = await placeOrder(db, input);
    const [o] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(o).toMatchObject({ subtotalPence: 2500, discountPence: 250, userId: null, email: "gil@example.com" });
    const [r] = await db.select().from(dealRedemptions).where(eq(dealRedemptions.orderId, placed.orderId));
    expect(r).toMatchObject({ discountPence: 250, userId: null });
    expect((await readCart(db, cartId)).code).toBeNull();
    // Once per customer: the same email cannot use it again, as a guest.
    const again = await guestOrder("GIL@example.com", "SPRING10");
    await expect(placeOrder(db, again.input)).rejects.toThrow("You've already used the code SPRING10. Remove the code to place your order.");
  });

  it("re-checks the code under the deal's lock: a limit of 3 gives exactly 3 of 8 concurrent orders", async () => {
    const limited = await deal("ONLY3", { usageLimit: 3 });
    const attempts = await Promise.all(Array.from({ length: 8 }, (_, i) => guestOrder(`rush${i}@example.com`, "ONLY3")));
    const results = await Promise.allSettled(attempts.map((a) => placeOrder(db, a.input)));
    const placed = results.filter((r) => r.status === "fulfilled");
    expect(placed).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect(String(r.reason.message)).toMatch(/ONLY3 has been used up/);
    const [row] = await db.select().from(deals).where(eq(deals.id, limited.id));
    expect(row!.redemptions).toBe(3);
    expect((await db.select().from(dealRedemptions).where(eq(dealRedemptions.dealId, limited.id))).length).toBe(3);
    // Refused orders left nothing behind: no order, and their stock is still there.
    const n = await db.execute<{ n: number }>(sql`select count(*)::int as n from orders where email like 'rush%'`);
    expect(Number(n.rows[0]!.n)).toBe(3);
  });

  it("a signed-in customer's code deal goes with the customer's own deals (best combination wins)", async () => {
    const userId = await customer("cora@example.com");
    const cartId = await cartIdForUser(db, userId);
    await addItem(db, cartId, mug, 4);
    await setCartCode(db, cartId, "mugs");
    const placed = await placeOrder(db, {
      userId,
      email: "cora@example.com",
      cartId,
      address: london,
      method: "standard",
      payment: "cod",
      idempotencyKey: key(),
      saveAddress: false,
      makeEcoDefault: false,
    });
    const [o] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(o!.discountPence).toBe(180); // 10% of 4 × £4.50
  });
});

describe("the code form's action", () => {
  it("keeps a good code on the cart, answers each bad one, and limits guessing per address", async () => {
    const { applyDealCodeAction, removeDealCodeAction } = await import("@/lib/cart/actions");
    signInAs(null);
    request.jar.clear();
    request.ip = "198.51.100.20";
    const tried = await applyDealCodeAction(null, formData({ code: "nosuch" }));
    expect(tried).toMatchObject({ ok: false, error: "We don't recognise the code NOSUCH. Check it and try again.", values: { code: "nosuch" } });
    expect(await applyDealCodeAction(null, formData({ code: "spring10" }))).toMatchObject({ ok: true });
    const cookie = [...request.jar.values()][0];
    expect(cookie).toBeTruthy();
    const { verifyCartCookie } = await import("@/lib/cart/cookie");
    expect((await readCart(db, verifyCartCookie(cookie)!)).code).toBe("SPRING10");
    expect(await removeDealCodeAction(null, formData({}))).toMatchObject({ ok: true });
    expect((await readCart(db, verifyCartCookie(cookie)!)).code).toBeNull();

    // Ten tries per 15 minutes per address (the test env's default), whatever the cart.
    for (let i = 0; i < 8; i++) await applyDealCodeAction(null, formData({ code: `GUESS${i}` }));
    request.jar.clear(); // a new cart does not reset the address's count
    const refused = await applyDealCodeAction(null, formData({ code: "SPRING10" }));
    expect(refused).toMatchObject({ ok: false, error: "Too many codes tried. Wait a few minutes and try again." });
    request.ip = "198.51.100.21";
    expect(await applyDealCodeAction(null, formData({ code: "SPRING10" }))).toMatchObject({ ok: true });
  });
});
