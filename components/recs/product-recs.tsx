import { getAlsoBought, getGoesWith } from "@/lib/recs/queries";
import { RecommendationRail } from "./recommendation-rail";

/** Product page: "Customers also bought" (same buyers) and "Goes well with" (the model's pairings), without repeats. */
export async function ProductRecs({ productId }: { productId: number }) {
  const also = await getAlsoBought(productId);
  const goes = await getGoesWith(
    productId,
    also.map((p) => p.id),
  );
  return (
    <>
      <RecommendationRail id="also-bought" title="Customers also bought" surface="also_bought" products={also} />
      <RecommendationRail id="goes-with" title="Goes well with" surface="goes_with" products={goes} />
    </>
  );
}
