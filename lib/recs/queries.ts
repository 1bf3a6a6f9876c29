import "server-only";
import { currentAnonymousId } from "@/lib/cdp/server";
import { listRecentlyViewed } from "@/lib/cdp/recently-viewed";
import { cached } from "@/lib/catalog/queries";
import { CATALOG_TAGS } from "@/lib/catalog/tags";
import { getDb } from "@/lib/db";
import { personalizedStore } from "./personalized";
import { completeTheLook, forYou, neighboursOf, trending, type Recommendation } from "./read";

const SESSION_MINUTES = 120;

/**
 * The home page's personal list: "For you" for a signed-in customer who allows personalization and
 * is not in the control group (blended with what they viewed in the last two hours), else null
 * (the page shows Trending).
 */
export async function getForYou(k = 10): Promise<Recommendation[] | null> {
  const me = await personalizedStore();
  if (!me) return null;
  const db = await getDb();
  const recent = await listRecentlyViewed(db, { userId: me.userId, anonymousId: await currentAnonymousId() }, { limit: 10 });
  const since = Date.now() - SESSION_MINUTES * 60_000;
  const session = recent.filter((r) => r.viewedAt.getTime() >= since).map((r) => r.id);
  const recs = await forYou(db, me.userId, session, k, { fillFrom: () => sharedTrending(40) });
  return recs.length ? recs : null;
}

/** Trending is the same for every visitor: one cached read per instance, refreshed like the catalog. */
const sharedTrending = cached("trending", async (k: number) => trending(await getDb(), k), [CATALOG_TAGS.listing]);

export async function getTrending(k = 10) {
  return (await sharedTrending(40)).slice(0, k);
}

export async function getAlsoBought(productId: number) {
  return neighboursOf(await getDb(), productId, "also_bought");
}

export async function getGoesWith(productId: number, exclude: number[] = []) {
  return neighboursOf(await getDb(), productId, "goes_with", 8, exclude);
}

export async function getCompleteTheLook(cartProductIds: number[]) {
  return completeTheLook(await getDb(), cartProductIds);
}
