import "server-only";
import { after } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { EVENTS } from "@/lib/cdp/track/events";
import { recordView } from "@/lib/cdp/track/recently-viewed";
import { currentAnonymousId, currentConsent, trackServer } from "@/lib/cdp/track/request";
import { log } from "@/lib/log";
import { expirePersonal } from "@/lib/cache/expire";

/** A product page was shown: the "Product Viewed" event (analytics) and recently viewed (personalization), after the response. */
export async function noteProductView(product: { id: number; sku: string; title: string; pricePence: number; categorySlug: string }) {
  const [consent, user, anonymousId] = await Promise.all([currentConsent(), getCurrentUser(), currentAnonymousId()]);
  await trackServer(EVENTS.productViewed, {
    product_id: product.id,
    sku: product.sku,
    name: product.title,
    price: product.pricePence / 100,
    currency: "GBP",
    category: product.categorySlug,
  });
  if (consent.personalization) {
    after(async () => {
      try {
        await recordView(await getDb(), { userId: user?.id ?? null, anonymousId }, product.id);
        // The customer's cached block (recently viewed, For you's "this visit") has changed.
        if (user) await expirePersonal(user.id);
      } catch (err) {
        log.error({ err }, "cdp: recently viewed not saved");
      }
    });
  }
}
