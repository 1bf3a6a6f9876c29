import { getCompleteTheLook } from "@/lib/recs/queries";
import { RecommendationRail } from "./recommendation-rail";

export async function CompleteTheLook({ productIds }: { productIds: number[] }) {
  return <RecommendationRail id="complete-the-look" title="Complete the look" surface="complete_the_look" products={await getCompleteTheLook(productIds)} />;
}
