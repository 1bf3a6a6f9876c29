import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carts, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { addItem, cartIdForUser, createCart, liveGuestCart, MAX_LINE_QTY, mergeCarts, readCart, removeItem, setItemQuantity } from "./store";

let db: Db;
let lamp: number, mug: number, soldOut: number, lastOne: number, archived: number;

async function newUser(email: string) {
  const [u] = await db.insert(users).values({ email }).returning({ id: users.id });
  return u!.id;
}
const qtys = async (cartId: string) => Object.fromEntries((await readCart(db, cartId)).lines.map((l) => [l.productId, l.quantity]));

beforeAll(async () => {
  db = await createTestDb();
  const rows = await insertProducts(db, [
    { sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 2500, stock: 10 },
    { sku: "M1", title: "Spotty Mug", category: "kitchen-dining", pricePence: 450, stock: 200 },
    { sku: "S0", title: "Sold Out Vase", category: "home-accents", pricePence: 900, stock: 0 },
    { sku: "X1", title: "Last Lantern", category: "lighting", pricePence: 1200, stock: 1 },
    { sku: "A1", title: "Old Candle", category: "candles-fragrance", pricePence: 300, stock: 5, status: "archived" },
  ]);
  [lamp, mug, soldOut, lastOne, archived] = rows.map((r) => r.id) as [number, number, number, number, number];
});
afterAll(dropTestDb);

describe("cart lines", () => {
  it("adds, accumulates, changes and removes, with prices from the catalogue", async () => {
    const cart = await createCart(db);
    await addItem(db, cart, lamp, 1);
    await addItem(db, cart, lamp, 2);
    await addItem(db, cart, mug, 4);
    let view = await readCart(db, cart);
    expect(view.count).toBe(7);
    expect(view.subtotalPence).toBe(3 * 2500 + 4 * 450);
    await setItemQuantity(db, cart, mug, 1);
    await removeItem(db, cart, lamp);
    view = await readCart(db, cart);
    expect(view.lines.map((l) => [l.title, l.quantity, l.lineTotalPence])).toEqual([["Spotty Mug", 1, 450]]);
    await setItemQuantity(db, cart, mug, 0);
    expect((await readCart(db, cart)).lines).toEqual([]);
  });

  it("checks stock on every change", async () => {
    const cart = await createCart(db);
    await expect(addItem(db, cart, soldOut, 1)).rejects.toThrow("Sold Out Vase is sold out.");
    await addItem(db, cart, lastOne, 1);
    await expect(addItem(db, cart, lastOne, 1)).rejects.toThrow("Only 1 of Last Lantern left.");
    await addItem(db, cart, lamp, 5);
    await expect(setItemQuantity(db, cart, lamp, 11)).rejects.toThrow("Only 10 of Brass Lamp left.");
    expect(await qtys(cart)).toEqual({ [lastOne]: 1, [lamp]: 5 });
  });

  it("rejects bad quantities and unknown or archived products without changing the cart", async () => {
    const cart = await createCart(db);
    await addItem(db, cart, mug, 2);
    for (const q of [-1, 0, 1.5, Number.NaN, MAX_LINE_QTY + 1, 1e9]) {
      await expect(addItem(db, cart, mug, q)).rejects.toThrow();
    }
    await expect(setItemQuantity(db, cart, mug, -3)).rejects.toThrow();
    await expect(setItemQuantity(db, cart, mug, 2.5)).rejects.toThrow(/whole number/);
    await expect(addItem(db, cart, 999_999, 1)).rejects.toThrow("This product is not available.");
    await expect(addItem(db, cart, archived, 1)).rejects.toThrow("This product is not available.");
    await expect(addItem(db, cart, -5, 1)).rejects.toThrow("Unknown product");
    await expect(addItem(db, cart, mug, MAX_LINE_QTY)).rejects.toThrow(/at most/);
    expect(await qtys(cart)).toEqual({ [mug]: 2 });
  });

  it("flags lines whose stock fell below the quantity", async () => {
    const cart = await createCart(db);
    await addItem(db, cart, lastOne, 1);
    const { products } = await import("@/db/schema");
    await db.update(products).set({ stock: 0 }).where(eq(products.id, lastOne));
    const view = await readCart(db, cart);
    expect(view.problems).toEqual(["Last Lantern is no longer available."]);
    expect(view.lines[0]!.available).toBe(false);
    await db.update(products).set({ stock: 1 }).where(eq(products.id, lastOne));
  });
});

describe("merging a guest cart on sign-in", () => {
  it("moves guest lines into the customer's cart", async () => {
    const user = await newUser("merge1@example.com");
    const guest = await createCart(db);
    await addItem(db, guest, lamp, 2);
    const target = await mergeCarts(db, guest, user);
    expect(target).toBe(await cartIdForUser(db, user));
    expect(await qtys(target)).toEqual({ [lamp]: 2 });
    expect(await liveGuestCart(db, guest)).toBeNull();
    expect((await readCart(db, guest)).lines).toEqual([]);
  });

  it("keeps the larger quantity for a product in both carts, and keeps the customer's other lines", async () => {
    const user = await newUser("merge2@example.com");
    const mine = await cartIdForUser(db, user);
    await addItem(db, mine, lamp, 3);
    await addItem(db, mine, mug, 1);
    const guest = await createCart(db);
    await addItem(db, guest, lamp, 2);
    await addItem(db, guest, lastOne, 1);
    await mergeCarts(db, guest, user);
    expect(await qtys(mine)).toEqual({ [lamp]: 3, [mug]: 1, [lastOne]: 1 });
  });

  it("is idempotent: merging the same guest cart twice doubles nothing", async () => {
    const user = await newUser("merge3@example.com");
    const guest = await createCart(db);
    await addItem(db, guest, mug, 5);
    await mergeCarts(db, guest, user);
    await mergeCarts(db, guest, user);
    expect(await qtys(await cartIdForUser(db, user))).toEqual({ [mug]: 5 });
  });

  it("caps merged quantities at the stock left and drops what sold out meanwhile", async () => {
    const user = await newUser("merge4@example.com");
    const guest = await createCart(db);
    await addItem(db, guest, lamp, 8);
    await addItem(db, guest, lastOne, 1);
    const { products } = await import("@/db/schema");
    await db.update(products).set({ stock: 4 }).where(eq(products.id, lamp));
    await db.update(products).set({ stock: 0 }).where(eq(products.id, lastOne));
    await mergeCarts(db, guest, user);
    expect(await qtys(await cartIdForUser(db, user))).toEqual({ [lamp]: 4 });
    await db.update(products).set({ stock: 10 }).where(eq(products.id, lamp));
    await db.update(products).set({ stock: 1 }).where(eq(products.id, lastOne));
  });

  it("ignores a cart that belongs to someone else", async () => {
    const a = await newUser("merge5a@example.com");
    const b = await newUser("merge5b@example.com");
    const cartA = await cartIdForUser(db, a);
    await addItem(db, cartA, mug, 2);
    await mergeCarts(db, cartA, b);
    expect(await qtys(cartA)).toEqual({ [mug]: 2 });
    expect(await qtys(await cartIdForUser(db, b))).toEqual({});
    const [row] = await db.select().from(carts).where(eq(carts.id, cartA));
    expect(row!.mergedInto).toBeNull();
  });
});
