"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { fail, fieldErrorsOf, ok, UserError, type ActionResult } from "@/lib/result";
import { EVENTS } from "@/lib/cdp/events";
import { trackServer } from "@/lib/cdp/server";
import { currentCartId } from "./session";
import { addItem, productIdSchema, quantitySchema, readCart, removeItem, setItemQuantity } from "./store";

/** What the mini-cart shows after a change: the count, subtotal and the latest lines. */
type CartSummary = { count: number; subtotalPence: number; lines: { productId: number; title: string; quantity: number; lineTotalPence: number }[] };

// Only ids and quantities come from the client; prices and stock are always read on the server.
const addSchema = z.object({ productId: productIdSchema, quantity: quantitySchema.default(1) });
const setSchema = z.object({ productId: productIdSchema, quantity: z.coerce.number({ error: "Quantity must be a number" }) });

async function run(fn: (db: Db, cartId: string) => Promise<void>): Promise<ActionResult<CartSummary>> {
  try {
    const cartId = await currentCartId({ create: true });
    const db = await getDb();
    await fn(db, cartId);
    revalidatePath("/", "layout");
    const cart = await readCart(db, cartId);
    return ok({
      count: cart.count,
      subtotalPence: cart.subtotalPence,
      lines: cart.lines.slice(-4).reverse().map((l) => ({ productId: l.productId, title: l.title, quantity: l.quantity, lineTotalPence: l.lineTotalPence })),
    });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    if (err instanceof z.ZodError) return fail(err.issues[0]?.message ?? "Check the quantity", fieldErrorsOf(err));
    throw err;
  }
}

function parse<T extends z.ZodTypeAny>(schema: T, data: FormData): z.infer<T> | ActionResult<never> {
  const r = schema.safeParse(Object.fromEntries(data));
  return r.success ? r.data : fail(r.error.issues[0]?.message ?? "Invalid input", fieldErrorsOf(r.error));
}

export async function addToCart(_prev: ActionResult<CartSummary> | null, data: FormData): Promise<ActionResult<CartSummary>> {
  const input = parse(addSchema, data);
  if ("ok" in input) return input;
  const result = await run((db, cartId) => addItem(db, cartId, input.productId, input.quantity));
  if (result.ok) await trackServer(EVENTS.productAdded, { product_id: input.productId, quantity: input.quantity, cart_count: result.data.count });
  return result;
}

export async function updateCartLine(_prev: ActionResult<CartSummary> | null, data: FormData): Promise<ActionResult<CartSummary>> {
  const input = parse(setSchema, data);
  if ("ok" in input) return input;
  const result = await run((db, cartId) => setItemQuantity(db, cartId, input.productId, input.quantity));
  if (result.ok && input.quantity <= 0) await trackServer(EVENTS.productRemoved, { product_id: input.productId, cart_count: result.data.count });
  return result;
}

export async function removeCartLine(_prev: ActionResult<CartSummary> | null, data: FormData): Promise<ActionResult<CartSummary>> {
  const input = parse(z.object({ productId: productIdSchema }), data);
  if ("ok" in input) return input;
  const result = await run((db, cartId) => removeItem(db, cartId, input.productId));
  if (result.ok) await trackServer(EVENTS.productRemoved, { product_id: input.productId, cart_count: result.data.count });
  return result;
}
