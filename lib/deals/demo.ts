import { sql } from "drizzle-orm";
import { deals } from "@/db/schema";
import type { Db } from "@/lib/db";

/** Demo deals for the seeded store (idempotent by code): a win-back offer, an eco perk for loyal customers and a promo code anyone can type. */
export async function ensureDemoDeals(db: Db): Promise<void> {
  const in60Days = new Date(Date.now() + 60 * 86_400_000);
  await db
    .insert(deals)
    .values([
      {
        code: "WELCOMEBACK",
        name: "Welcome back: 15% off",
        description: "We've missed you. 15% off your next order.",
        type: "percent_off",
        value: 15,
        targeting: { lifecycle: ["lapsed", "at_risk"] },
        perCustomerLimit: 1,
        endsAt: in60Days,
        priority: 10,
      },
      {
        code: "ECOLOYAL",
        name: "Free bike or EV delivery",
        description: "For our loyal customers: delivery by cargo bike or electric van is on us.",
        type: "free_eco_delivery",
        targeting: { segments: ["champions", "rfm-loyal"] },
        perCustomerLimit: 3,
        stackable: true,
        endsAt: in60Days,
      },
      {
        code: "HEARTH10",
        name: "10% off with HEARTH10",
        description: "Our promo code: 10% off orders of £20 or more, once per customer.",
        type: "percent_off",
        value: 10,
        minSpendPence: 2000,
        requiresCode: true,
        perCustomerLimit: 1,
        endsAt: in60Days,
      },
    ])
    .onConflictDoUpdate({ target: deals.code, set: { endsAt: sql`greatest(${deals.endsAt}, excluded.ends_at)` } });
}
