import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { dealRedemptions, deals, orders, products, type Deal } from "@/db/schema";
import type { Db, DbOrTx } from "@/lib/db";
import { formatPrice } from "@/lib/format";
import { SHOP_TIME_ZONE } from "@/lib/time";
import { UserError } from "@/lib/result";
import { aimedAt, eligibleDeals } from "./eligibility";
import { bestDeals, discountOf, type Basket, type DealDiscount } from "./pricing";
import { saleOrder } from "@/lib/orders/sql";

/** Who is buying: a customer, or a guest known (at checkout) by email. */
export type Shopper = { userId: number | null; email?: string | null };

/** "  welcome back " and "ｗｅｌｃｏｍｅｂａｃｋ" are WELCOMEBACK: width-folded, spaces dropped, upper case. */
export const normalizeCode = (raw: string) => raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

export const dealCodeSchema = z
  .string({ error: "Enter a code" })
  .max(100, "That code is too long")
  .transform(normalizeCode)
  .pipe(
    z
      .string()
      .min(1, "Enter a code")
      .regex(/^[A-Z0-9-]{3,30}$/, "Codes are 3–30 letters and digits, like WELCOMEBACK"),
  );

const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: SHOP_TIME_ZONE });

/** How many times this shopper has used the deal (a guest: orders to the same email). */
async function usedBy(db: Db, dealId: number, who: Shopper): Promise<number> {
  if (who.userId) {
    const [r] = await db
      .select({ n: count() })
      .from(dealRedemptions)
      .where(and(eq(dealRedemptions.dealId, dealId), eq(dealRedemptions.userId, who.userId)));
    return r?.n ?? 0;
  }
  if (!who.email) return 0;
  const [r] = await db
    .select({ n: count() })
    .from(dealRedemptions)
    .innerJoin(orders, eq(orders.id, dealRedemptions.orderId))
    .where(and(eq(dealRedemptions.dealId, dealId), sql`lower(${orders.email}) = ${who.email.toLowerCase()}`));
  return r?.n ?? 0;
}

/** Whether a deal's targeting takes in this shopper. Guests: only deals aimed at everyone (promo codes), first orders by email. */
async function isFor(db: Db, deal: Deal, who: Shopper): Promise<boolean> {
  if (who.userId) {
    const { rows } = await db.execute<{ ok: boolean }>(sql`select ${aimedAt(sql`${JSON.stringify(deal.targeting)}::jsonb`, sql`${who.userId}::int`)} as ok`);
    return Boolean(rows[0]?.ok);
  }
  const t = deal.targeting;
  if (!deal.requiresCode || t.customers?.length || t.segments?.length || t.lifecycle?.length) return false;
  if (t.firstOrderOnly && who.email) {
    const [r] = await db
      .select({ n: count() })
      .from(orders)
      .where(and(sql`lower(${orders.email}) = ${who.email.toLowerCase()}`, saleOrder()));
    return (r?.n ?? 0) === 0;
  }
  return true;
}

/**
 * The deal behind a typed code, or a UserError that says exactly why not: unknown, no longer
 * available, not yet started, expired, used up, not for this shopper, already used, spend more,
 * nothing in the basket it applies to. With a basket the money rules are checked too.
 */
export async function checkCode(db: DbOrTx, rawCode: string, who: Shopper, basket?: Basket, at = new Date()): Promise<Deal> {
  const code = dealCodeSchema.parse(rawCode);
  const [deal] = await db.select().from(deals).where(eq(deals.code, code)).limit(1);
  if (!deal) throw new UserError(`We don't recognise the code ${code}. Check it and try again.`, "code");
  if (!deal.active) throw new UserError(`The code ${code} is no longer available.`, "code");
  if (deal.startsAt > at) throw new UserError(`The code ${code} starts on ${day(deal.startsAt)}.`, "code");
  if (deal.endsAt && deal.endsAt <= at) throw new UserError(`The code ${code} expired on ${day(deal.endsAt)}.`, "code");
  if (deal.usageLimit !== null && deal.redemptions >= deal.usageLimit) throw new UserError(`The code ${code} has been used up.`, "code");
  if (!(await isFor(db, deal, who))) {
    throw new UserError(who.userId ? `The code ${code} isn't available on your account.` : `The code ${code} is for selected customers: sign in to use it.`, "code");
  }
  if ((await usedBy(db, deal.id, who)) >= deal.perCustomerLimit) throw new UserError(`You've already used the code ${code}.`, "code");
  if (basket) {
    const subtotal = basket.lines.reduce((s, l) => s + l.unitPricePence * l.quantity, 0);
    if (subtotal < deal.minSpendPence) throw new UserError(`Spend ${formatPrice(deal.minSpendPence - subtotal)} more to use the code ${code}.`, "code");
    if (deal.type !== "free_eco_delivery" && discountOf(deal, basket) === 0) throw new UserError(`The code ${code} doesn't apply to anything in your basket.`, "code");
  }
  return deal;
}

/** Cart lines as a basket to price: each product's category read from the catalogue. */
export async function basketOf(db: Db, lines: { productId: number; unitPricePence: number; quantity: number }[], shippingPence = 0, deliveryMethod = "standard"): Promise<Basket> {
  const ids = lines.map((l) => l.productId);
  const rows = ids.length ? await db.select({ id: products.id, categoryId: products.categoryId }).from(products).where(inArray(products.id, ids)) : [];
  const cat = new Map(rows.map((r) => [r.id, r.categoryId]));
  return {
    lines: lines.map((l) => ({ productId: l.productId, categoryId: cat.get(l.productId) ?? 0, unitPricePence: l.unitPricePence, quantity: l.quantity })),
    shippingPence,
    deliveryMethod,
  };
}

export type BasketPricing = { candidates: Deal[]; applied: DealDiscount[]; code: string | null; codeDeal: Deal | null; codeProblem: string | null };

/**
 * The deals on a basket: the customer's own (personalized store only) and the typed code's deal,
 * best combination first (`bestDeals`). A code that no longer passes is reported, not applied.
 */
export async function priceBasket(db: DbOrTx, opts: { who: Shopper; personalized: boolean; code: string | null; basket: Basket }): Promise<BasketPricing> {
  const own = opts.personalized && opts.who.userId ? await eligibleDeals(db, opts.who.userId) : [];
  let codeDeal: Deal | null = null;
  let codeProblem: string | null = null;
  if (opts.code) {
    try {
      codeDeal = await checkCode(db, opts.code, opts.who, opts.basket);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      codeProblem = err.message;
    }
  }
  const candidates = codeDeal && !own.some((d) => d.id === codeDeal.id) ? [...own, codeDeal] : own;
  const applied = bestDeals(candidates, opts.basket);
  if (codeDeal && !codeProblem && !applied.some((d) => d.dealId === codeDeal.id)) {
    codeProblem =
      codeDeal.type === "free_eco_delivery" && !["bike", "ev"].includes(opts.basket.deliveryMethod)
        ? `The code ${codeDeal.code} applies when you choose cargo bike or electric van delivery.`
        : `Your other deals already take off more than the code ${codeDeal.code}, so we applied those.`;
  }
  return { candidates, applied, code: codeDeal?.code ?? opts.code, codeDeal, codeProblem };
}
