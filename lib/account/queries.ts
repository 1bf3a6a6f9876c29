import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listAddresses } from "./addresses";

export async function getMyAddresses() {
  const user = await getCurrentUser();
  return user ? listAddresses(await getDb(), user.id) : [];
}
