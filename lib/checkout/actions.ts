"use server";

import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { trackCheckoutCompleted } from "@/lib/cdp/commerce";
import { contextFromHeaders } from "@/lib/cdp/context";
import { personalizedStore } from "@/lib/recs/personalized";
import { z } from "zod";
import { addresses } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/current-user";
import { currentCartId } from "@/lib/cart/session";
import { getDb } from "@/lib/db";
import { sendOrderConfirmation } from "@/lib/orders/emails";
import { fail, fieldErrorsOf, keep, UserError, type ActionResult } from "@/lib/result";
import { addressSchema } from "./address";
import { placeOrder, placeOrderSchema } from "./place-order";

const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "postcode", "country", "phone"];

export async function placeOrderAction(_prev: ActionResult<undefined> | null, data: FormData): Promise<ActionResult<undefined>> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again to place your order.");
  const form = Object.fromEntries(data);
  const opts = placeOrderSchema.safeParse(form);
  if (!opts.success) return keep(fail(opts.error.issues[0]?.message ?? "Check your choices", fieldErrorsOf(opts.error)), data, ADDRESS_FIELDS);

  const db = await getDb();
  let address;
  const savedId = z.coerce.number().int().positive().safeParse(form.addressId);
  if (form.addressId && form.addressId !== "new") {
    if (!savedId.success) return fail("Choose an address.");
    // Only the shopper's own saved addresses.
    const [row] = await db.select().from(addresses).where(and(eq(addresses.id, savedId.data), eq(addresses.userId, user.id)));
    if (!row) return fail("Choose an address.");
    address = addressSchema.parse(row);
  } else {
    const parsed = addressSchema.safeParse(form);
    if (!parsed.success) return keep(fail("Please check the address.", fieldErrorsOf(parsed.error)), data, ADDRESS_FIELDS);
    address = parsed.data;
  }

  let number: string;
  try {
    const cartId = await currentCartId({ create: true });
    const { deviceType } = contextFromHeaders(await headers());
    const personalized = Boolean(await personalizedStore());
    const placed = await placeOrder(db, { ...opts.data, address, userId: user.id, email: user.email, cartId, deviceType, personalized });
    number = placed.number;
    if (!placed.replay) {
      await sendOrderConfirmation(db, placed.orderId);
      await trackCheckoutCompleted(db, placed.orderId, opts.data.method);
    }
  } catch (err) {
    if (err instanceof UserError || err instanceof z.ZodError) {
      return keep(fail(err instanceof UserError ? err.message : "Please check the address."), data, ADDRESS_FIELDS);
    }
    throw err;
  }
  redirect(`/account/orders/${number}?placed=1`);
}
