import "server-only";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { personalizationAllowed } from "@/lib/cdp/track/request";
import { inControlGroup } from "./holdout";

/**
 * Whether this request gets the personalized store: a signed-in customer who allows
 * personalization and is not in the control group. Everyone else gets Trending and no targeted deals.
 */
export const personalizedStore = cache(async (): Promise<{ userId: number } | null> => {
  const [user, allowed] = await Promise.all([getCurrentUser(), personalizationAllowed()]);
  if (!user || !allowed || inControlGroup(user.id)) return null;
  return { userId: user.id };
});
