import type { Deal } from "@/db/schema";
import type { ProductCard } from "@/lib/catalog/listing";
import { listRecentlyViewed } from "@/lib/cdp/track/recently-viewed";
import type { Db } from "@/lib/db";
import { eligibleDeals } from "@/lib/deals/eligibility";
import { forYou, type Recommendation } from "./read";

/** Views this recent count as "this visit" and lift what goes with them in For you. */
export const SESSION_MINUTES = 120;
/** Recently viewed kept in the block: the rail's ten, plus one so a product page can leave itself out. */
const RECENT = 11;

/** One signed-in customer's personal parts of the store, read together and cached as one. */
export type PersonalHome = { forYou: Recommendation[]; deals: Deal[]; recentlyViewed: ProductCard[] };

/**
 * Reads a customer's personal block from the precomputed rows: their recently viewed, then in
 * parallel For you (the batch list from the last training, blended with this visit's views) and the
 * deals they are eligible for. Three queries (a fourth only to fill a short For you list).
 */
export async function loadPersonalHome(db: Db, userId: number, opts: { fillFrom?: () => Promise<ProductCard[]>; now?: number } = {}): Promise<PersonalHome> {
  const recent = await listRecentlyViewed(db, { userId, anonymousId: null }, { limit: RECENT });
  const since = (opts.now ?? Date.now()) - SESSION_MINUTES * 60_000;
  const session = recent.filter((r) => r.viewedAt.getTime() >= since).map((r) => r.id);
  const [recs, deals] = await Promise.all([forYou(db, userId, session, 10, { fillFrom: opts.fillFrom }), eligibleDeals(db, userId)]);
  return { forYou: recs, deals, recentlyViewed: recent.map(({ viewedAt: _viewedAt, ...card }) => card) };
}

/** The block after a trip through the JSON cache: dates are strings again, turned back into dates. */
export function revivePersonalHome(home: PersonalHome): PersonalHome {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    ...home,
    deals: home.deals.map((d) => ({ ...d, startsAt: date(d.startsAt)!, endsAt: date(d.endsAt), createdAt: date(d.createdAt)!, updatedAt: date(d.updatedAt)! })),
  };
}
