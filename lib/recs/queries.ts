import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { cached } from "@/lib/catalog/queries";
import { CATALOG_TAGS, PERSONAL_REVALIDATE, PERSONAL_TAGS } from "@/lib/cache/tags";
import { databaseIdentity, getDb } from "@/lib/db";
import { loadPersonalHome, revivePersonalHome } from "./personal-home";
import { personalizedStore } from "./personalized";
import { completeTheLook, neighboursOf, trending, type Recommendation } from "./read";

/**
 * One customer's personal block (For you, deals, recently viewed), cached under that customer's
 * id only: the key and the tag carry it, so no entry can be served to anyone else. Their views,
 * cart, orders and sign-in expire it (PERSONAL_TAGS.customer), as do a retrain, a deal or segment
 * change (PERSONAL_TAGS.all) and a catalog change (the listing tag: prices and stock on the cards).
 * Memoised per request, so the home's holes share one read.
 */
export const getPersonalHome = cache(async (userId: number) =>
  revivePersonalHome(
    await unstable_cache(async () => loadPersonalHome(await getDb(), userId, { fillFrom: () => sharedTrending(40) }), ["personal-home", String(userId), databaseIdentity()], {
      tags: [PERSONAL_TAGS.all, PERSONAL_TAGS.customer(userId), CATALOG_TAGS.listing],
      revalidate: PERSONAL_REVALIDATE,
    })(),
  ),
);

/**
 * The home page's personal list: "For you" for a signed-in customer who allows personalization and
 * is not in the control group, else null (the page shows Trending).
 */
export async function getForYou(k = 10): Promise<Recommendation[] | null> {
  const me = await personalizedStore();
  if (!me) return null;
  const recs = (await getPersonalHome(me.userId)).forYou.slice(0, k);
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
