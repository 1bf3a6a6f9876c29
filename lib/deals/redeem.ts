import { and, count, eq, sql } from "drizzle-orm";
import { dealRedemptions, deals } from "@/db/schema";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";
import { eligibleDeals } from "./eligibility";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Records a redemption inside the checkout's transaction. The deal's row is locked first, so the
 * global and per-customer limits are checked and counted by one checkout at a time: with a limit
 * of 5, five concurrent checkouts get it and the sixth is refused, whatever the timing.
 */
export async function redeemDeal(tx: Tx | Db, input: { dealId: number; userId: number; orderId: number; discountPence: number }): Promise<void> {
  const [deal] = await tx.select().from(deals).where(eq(deals.id, input.dealId)).for("update");
  if (!deal || !deal.active) throw new UserError("That deal is no longer available.");
  // Whatever the client sent: only a deal this customer may use now, checked under the lock.
  const allowed = await eligibleDeals(tx as unknown as Db, input.userId);
  if (!allowed.some((d) => d.id === deal.id)) throw new UserError("That deal is not available to you.");
  if (deal.usageLimit !== null && deal.redemptions >= deal.usageLimit) throw new UserError(`“${deal.name}” has run out.`);
  const [mine] = await tx.select({ n: count() }).from(dealRedemptions).where(and(eq(dealRedemptions.dealId, deal.id), eq(dealRedemptions.userId, input.userId)));
  if ((mine?.n ?? 0) >= deal.perCustomerLimit) throw new UserError(`You have already used “${deal.name}”.`);
  await tx.update(deals).set({ redemptions: sql`${deals.redemptions} + 1` }).where(eq(deals.id, deal.id));
  await tx.insert(dealRedemptions).values(input);
}
