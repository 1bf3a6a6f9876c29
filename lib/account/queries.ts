import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listAddresses } from "./addresses";
import { claimInfo } from "./claim";

export async function getMyAddresses() {
  const user = await getCurrentUser();
  return user ? listAddresses(await getDb(), user.id) : [];
}

/** What an emailed claim link is for (null: invalid, used or expired). The token is the credential. */
export async function getClaim(token: string) {
  return claimInfo(await getDb(), token);
}
