import { sql } from "drizzle-orm";
import { dealRedemptions, deals } from "@/db/schema";
import { expirePersonal } from "@/lib/cache/expire";
import type { DbOrTx } from "@/lib/db";
import { UserError } from "@/lib/result";
import { checkCode, type Shopper } from "./codes";
import { eligibleDeals } from "./eligibility";

/**
 * Records a redemption inside the checkout's transaction. The deal's row is locked first, so the
 * global and per-customer limits are checked and counted by one checkout at a time: with a limit
 * of 5, five concurrent checkouts get it and the sixth is refused, whatever the timing. A deal
 * that came from a typed code is re-checked as a code (every refusal reason), others as the
 * customer's own deals.
 */
export async function redeemDeal(
  tx: DbOrTx,
  input: { dealId: number; userId: number | null; email?: string | null; code?: string | null; orderId: number; discountPence: number },
): Promise<void> {
  const [deal] = await tx
    .select()
    .from(deals)
    .where(sql`${deals.id} = ${input.dealId}`)
    .for("update");
  if (!deal || !deal.active) throw new UserError("That deal is no longer available.");
  const who: Shopper = { userId: input.userId, email: input.email };
  if (input.code && input.code === deal.code) {
    await checkCode(tx, input.code, who); // under the lock: limits and targeting as of now
  } else {
    // Whatever the client sent: only a deal this customer may use now, checked under the lock.
    if (input.userId === null || !(await eligibleDeals(tx, input.userId)).some((d) => d.id === deal.id)) throw new UserError("That deal is not available to you.");
    if (deal.usageLimit !== null && deal.redemptions >= deal.usageLimit) throw new UserError(`“${deal.name}” has run out.`);
    const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from deal_redemptions where deal_id = ${deal.id} and user_id = ${input.userId}`);
    if ((rows[0]?.n ?? 0) >= deal.perCustomerLimit) throw new UserError(`You have already used “${deal.name}”.`);
  }
  await tx
    .update(deals)
    .set({ redemptions: sql`${deals.redemptions} + 1` })
    .where(sql`${deals.id} = ${deal.id}`);
  await tx.insert(dealRedemptions).values({ dealId: input.dealId, userId: input.userId, orderId: input.orderId, discountPence: input.discountPence });
  // The last use: the deal leaves every customer's deals, so their cached blocks must not keep it.
  if (deal.usageLimit !== null && deal.redemptions + 1 >= deal.usageLimit) await expirePersonal("everyone", tx);
}
