"use server";

import { and, eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { expirePersonal } from "@/lib/cache/expire";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addresses } from "@/db/schema";
import { guestOrderLimit } from "@/lib/account/claim";
import { emailSchema } from "@/lib/auth/credentials";
import { currentCartId } from "@/lib/cart/session";
import { trackCheckoutCompleted } from "@/lib/cdp/track/commerce";
import { contextFromHeaders } from "@/lib/cdp/identity/context";
import { orderPath } from "@/lib/orders/tracking-link";
import { personalizedStore } from "@/lib/recs/personalized";
import { UserError } from "@/lib/result";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { publicAction } from "@/lib/shop/action";
import { addressSchema } from "@/lib/account/address";
import { placeOrder, placeOrderSchema } from "./place-order";

const GUEST_LIMITED = "Too many orders from here in the last hour. Please try again later, or sign in.";

/**
 * Places the order for a signed-in customer (a saved or new address) or a guest (email, phone and
 * address; orders limited per address and per email), then goes to the confirmation: the account's
 * order page, or for a guest the signed order link.
 */
export const placeOrderAction = publicAction(
  { name: "checkout.placeOrder", schema: placeOrderSchema.extend({ addressId: z.string().max(20).optional(), email: z.string().max(400).optional() }).loose() },
  async (input, { db, user, ip }) => {
    let address;
    if (user && input.addressId && input.addressId !== "new") {
      const savedId = z.coerce.number().int().positive().max(2_147_483_647).safeParse(input.addressId);
      // Only the shopper's own saved addresses.
      const [row] = savedId.success
        ? await db
            .select()
            .from(addresses)
            .where(and(eq(addresses.id, savedId.data), eq(addresses.userId, user.id)))
        : [];
      if (!row) throw new UserError("Choose an address.");
      address = addressSchema.parse(row);
    } else {
      const parsed = addressSchema.safeParse(input);
      if (!parsed.success) throw new z.ZodError(parsed.error.issues);
      address = parsed.data;
    }
    let email = user?.email;
    if (!user) {
      const e = emailSchema.safeParse(input.email ?? "");
      if (!e.success) throw new UserError(e.error.issues[0]!.message, "email");
      if (!address.phone) throw new UserError("Enter a phone number for the courier.", "phone");
      email = e.data;
      for (const key of [`guest-order:ip:${ip}`, `guest-order:email:${email}`]) {
        if (!(await hitRateLimit(db, key, guestOrderLimit())).allowed) throw new UserError(GUEST_LIMITED);
      }
    }
    const cartId = await currentCartId({ create: true });
    const { deviceType } = contextFromHeaders(await headers());
    const personalized = Boolean(await personalizedStore());
    const placed = await placeOrder(db, {
      ...input,
      saveAddress: Boolean(user) && input.saveAddress,
      makeEcoDefault: Boolean(user) && input.makeEcoDefault,
      address,
      userId: user?.id ?? null,
      email: email!,
      cartId,
      deviceType,
      personalized,
    });
    if (!placed.replay) await trackCheckoutCompleted(db, placed.orderId, input.method);
    // The header's cart badge is kept by a layout the confirmation shares: re-render it, without
    // expiring cached data. The customer's For you and deals change with the order.
    refresh();
    if (user) await expirePersonal(user.id);
    redirect(user ? `/account/orders/${placed.number}?placed=1` : `${orderPath(placed.number)}&placed=1`);
  },
);
