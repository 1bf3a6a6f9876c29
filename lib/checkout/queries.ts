import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { addresses, users } from "@/db/schema";
import { getDb } from "@/lib/db";

/** The signed-in customer's saved addresses and eco preference. */
export async function getCheckoutContext(userId: number) {
  const db = await getDb();
  const [list, [u]] = await Promise.all([
    db
      .select({
        id: addresses.id,
        label: addresses.label,
        name: addresses.name,
        line1: addresses.line1,
        line2: addresses.line2,
        city: addresses.city,
        postcode: addresses.postcode,
        country: addresses.country,
        phone: addresses.phone,
      })
      .from(addresses)
      .where(eq(addresses.userId, userId))
      .orderBy(desc(addresses.isDefault), asc(addresses.id)),
    db.select({ prefersEco: users.prefersEcoDelivery }).from(users).where(eq(users.id, userId)),
  ]);
  return { addresses: list, prefersEco: u?.prefersEco ?? false };
}
