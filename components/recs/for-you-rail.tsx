import { getForYou, getTrending } from "@/lib/recs/queries";
import { RecommendationRail } from "./recommendation-rail";

/** Home page: "For you" for signed-in customers who allow personalization, "Trending" for everyone else. */
export async function ForYouRail() {
  const recs = await getForYou();
  if (recs) return <RecommendationRail id="for-you" title="For you" surface="for_you" products={recs} />;
  return <RecommendationRail id="trending" title="Trending now" surface="trending" products={await getTrending()} />;
}
