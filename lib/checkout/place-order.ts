import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { cartLines, carts, orderLines, orders, products, shipmentEvents, shipments, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { deliveryOptions, routeFor, type Method } from "@/lib/delivery/options";
import { notifyShipment } from "@/lib/delivery/status";
import { queueOrderPlaced } from "@/lib/orders/emails";
import { UserError } from "@/lib/result";
import { priceBasket } from "@/lib/deals/codes";
import { redeemDeal } from "@/lib/deals/redeem";
import { saveToAddressBook } from "@/lib/account/addresses";
import { addressSchema, type Address } from "@/lib/account/address";
import { paymentProvider } from "./payment";

export const VAT_RATE = 0.2;

export const placeOrderSchema = z.object({
  method: z.enum(["standard", "express", "bike", "ev"], { error: "Choose a delivery option" }),
  payment: z.string().default("cod"),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "This checkout page has expired: reload it and try again"),
  saveAddress: z.preprocess((v) => v === "on" || v === true || v === "1", z.boolean()).default(false),
  makeEcoDefault: z.preprocess((v) => v === "on" || v === true || v === "1", z.boolean()).default(false),
});

export type PlaceOrderInput = z.infer<typeof placeOrderSchema> & {
  address: Address;
  /** null: a guest, known by the email. */
  userId: number | null;
  email: string;
  cartId: string;
  /** mobile | tablet | desktop, from the checkout request (mobile share of sales). */
  deviceType?: "mobile" | "tablet" | "desktop" | null;
  /** false: the non-personalized store (no personalization consent, or the control group): no targeted deals. */
  personalized?: boolean;
};
export type PlacedOrder = { orderId: number; number: string; totalPence: number; replay: boolean };

export class SoldOutError extends UserError {}

/** VAT contained in a VAT-inclusive amount. */
export const vatIncluded = (grossPence: number) => Math.round((grossPence * VAT_RATE) / (1 + VAT_RATE));

/**
 * Places an order from a cart in one transaction. Stock is taken with a conditional update
 * (`stock >= qty`), so two shoppers can never buy the same last unit; prices and delivery are read
 * and computed here, never taken from the client. The idempotency key is unique: a repeated submit
 * (double tap, retry, back button) returns the order the first one made.
 */
export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlacedOrder> {
  const address = addressSchema.parse(input.address);
  const provider = paymentProvider(input.payment);
  if (!provider) throw new UserError("Choose a way to pay.");
  const existing = await findByKey(db, input.idempotencyKey, input.userId);
  if (existing) return existing;
  try {
    return await db.transaction(async (tx) => {
      // A concurrent submit with this key may have committed since the check above.
      const prior = await findByKey(tx, input.idempotencyKey, input.userId);
      if (prior) return prior;
      const lines = await tx
        .select({ productId: cartLines.productId, quantity: cartLines.quantity })
        .from(cartLines)
        .where(eq(cartLines.cartId, input.cartId))
        .orderBy(asc(cartLines.productId)); // one lock order for every checkout: no deadlocks
      if (!lines.length) {
        const justPlaced = await findByKey(tx, input.idempotencyKey, input.userId);
        if (justPlaced) return justPlaced;
        throw new UserError("Your cart is empty.");
      }

      const bought: { productId: number; categoryId: number; sku: string; title: string; quantity: number; unitPricePence: number }[] = [];
      for (const l of lines) {
        const [p] = await tx
          .update(products)
          .set({ stock: sql`${products.stock} - ${l.quantity}`, unitsSold: sql`${products.unitsSold} + ${l.quantity}` })
          .where(and(eq(products.id, l.productId), eq(products.status, "active"), sql`${products.stock} >= ${l.quantity}`))
          .returning({ sku: products.sku, title: products.title, pricePence: products.pricePence, categoryId: products.categoryId });
        if (!p) {
          const [info] = await tx.select({ title: products.title, stock: products.stock }).from(products).where(eq(products.id, l.productId));
          throw new SoldOutError(
            !info || info.stock <= 0
              ? `Sorry, ${info?.title ?? "an item in your cart"} has just sold out. Remove it to continue.`
              : `Sorry, only ${info.stock} of ${info.title} left. Lower the quantity to continue.`,
          );
        }
        bought.push({ productId: l.productId, categoryId: p.categoryId, sku: p.sku, title: p.title, quantity: l.quantity, unitPricePence: p.pricePence });
      }

      const subtotal = bought.reduce((n, b) => n + b.quantity * b.unitPricePence, 0);
      const option = deliveryOptions(address, subtotal).find((o) => o.method === (input.method as Method));
      if (!option) throw new UserError("That delivery option isn't available for this address. Choose another.");
      // The deals, decided here from the database (never from the form): the customer's own (not in
      // the non-personalized store: no consent, control group) and the code typed into the cart,
      // which must still pass every check or the order is refused with the reason.
      const [cart] = await tx.select({ code: carts.dealCode }).from(carts).where(eq(carts.id, input.cartId));
      const pricing = await priceBasket(tx, {
        who: { userId: input.userId, email: input.email },
        personalized: input.personalized !== false,
        code: cart?.code ?? null,
        basket: {
          lines: bought.map((b) => ({ productId: b.productId, categoryId: b.categoryId, unitPricePence: b.unitPricePence, quantity: b.quantity })),
          shippingPence: option.pricePence,
          deliveryMethod: option.method,
        },
      });
      if (pricing.code && !pricing.codeDeal) throw new UserError(`${pricing.codeProblem} Remove the code to place your order.`);
      const applied = pricing.applied;
      const discount = applied.reduce((n, d) => n + d.discountPence, 0);
      const total = subtotal + option.pricePence - discount;
      const [numberRow] = (await tx.execute<{ n: string }>(sql`select 'H' || nextval('web_order_number_seq') as n`)).rows;
      const number = numberRow!.n;
      const payment = await provider.start({ number, totalPence: total });

      const [order] = await tx
        .insert(orders)
        .values({
          number,
          userId: input.userId,
          kind: "sale",
          status: "placed",
          source: "web",
          country: address.country,
          subtotalPence: subtotal,
          shippingPence: option.pricePence,
          discountPence: discount,
          totalPence: total,
          taxPence: vatIncluded(total),
          placedAt: new Date(),
          email: input.email,
          shippingAddress: address,
          paymentProvider: provider.id,
          paymentStatus: payment.status,
          idempotencyKey: input.idempotencyKey,
          deviceType: input.deviceType ?? null,
        })
        .returning({ id: orders.id });
      await tx.insert(orderLines).values([
        ...bought.map((b, i) => ({
          orderId: order!.id,
          lineNo: i + 1,
          kind: "product" as const,
          productId: b.productId,
          sku: b.sku,
          title: b.title,
          quantity: b.quantity,
          unitPricePence: b.unitPricePence,
        })),
        ...applied.map((d, i) => ({
          orderId: order!.id,
          lineNo: bought.length + i + 1,
          kind: "discount" as const,
          productId: null,
          sku: `DEAL-${d.code}`,
          title: d.name,
          quantity: 1,
          unitPricePence: -d.discountPence,
        })),
      ]);
      // Under each deal's row lock: a limit reached by a concurrent checkout fails this order (nothing is kept).
      for (const d of applied) {
        const code = d.dealId === pricing.codeDeal?.id ? pricing.code : null;
        await redeemDeal(tx, { dealId: d.dealId, userId: input.userId, email: input.email, code, orderId: order!.id, discountPence: d.discountPence });
      }
      const [shipment] = await tx
        .insert(shipments)
        .values({
          orderId: order!.id,
          method: option.method,
          distanceKm: option.distanceKm,
          co2Grams: option.co2Grams,
          promisedFrom: option.promisedFrom,
          promisedTo: option.promisedTo,
          etaAt: option.promisedTo,
          route: routeFor(address),
        })
        .returning({ id: shipments.id });
      await tx.insert(shipmentEvents).values({ shipmentId: shipment!.id, status: "placed", note: `${option.label} chosen` });
      await tx.delete(cartLines).where(eq(cartLines.cartId, input.cartId));
      await tx.update(carts).set({ dealCode: null }).where(eq(carts.id, input.cartId));

      if (input.saveAddress && input.userId) await saveToAddressBook(tx, input.userId, address);
      if (input.makeEcoDefault && input.userId) await tx.update(users).set({ prefersEcoDelivery: option.eco }).where(eq(users.id, input.userId));
      await notifyShipment(tx, shipment!.id);
      await queueOrderPlaced(tx, order!.id);
      return { orderId: order!.id, number, totalPence: total, replay: false };
    });
  } catch (err) {
    // The same key committed by a concurrent submit: that order is the answer.
    if (isUniqueViolation(err)) {
      const again = await findByKey(db, input.idempotencyKey, input.userId);
      if (again) return again;
    }
    throw err;
  }
}

async function findByKey(db: DbOrTx, key: string, userId: number | null): Promise<PlacedOrder | null> {
  const [o] = await db
    .select({ id: orders.id, number: orders.number, totalPence: orders.totalPence, userId: orders.userId })
    .from(orders)
    .where(eq(orders.idempotencyKey, key))
    .limit(1);
  if (!o) return null;
  if (o.userId !== userId) throw new UserError("This checkout page has expired: reload it and try again.");
  return { orderId: o.id, number: o.number, totalPence: o.totalPence, replay: true };
}
