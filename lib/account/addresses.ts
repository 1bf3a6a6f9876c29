import { and, asc, desc, eq, sql } from "drizzle-orm";
import { addresses } from "@/db/schema";
import { addressSchema, type Address, type AddressInput } from "./address";
import type { Db, DbOrTx } from "@/lib/db";
import { UserError } from "@/lib/result";

export const MAX_ADDRESSES = 20;

export async function listAddresses(db: Db, userId: number) {
  return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), asc(addresses.id));
}

/** Adds an address to the customer's book; the first one becomes the default. */
export async function addAddress(db: Db, userId: number, input: AddressInput & { label?: string }) {
  const a = addressSchema.parse(input);
  const label = (input.label ?? "").trim().slice(0, 40) || "Home";
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(addresses)
    .where(eq(addresses.userId, userId))) as [{ n: number }];
  if (n >= MAX_ADDRESSES) throw new UserError(`You can keep up to ${MAX_ADDRESSES} addresses. Remove one first.`);
  const [row] = await db
    .insert(addresses)
    .values({ userId, ...a, label, isDefault: n === 0 })
    .returning({ id: addresses.id });
  return row!.id;
}

/**
 * Checkout's "save this address for next time": kept unless the same street and postcode is there
 * already, or the book is full (the order goes ahead either way; the cap is the book's).
 */
export async function saveToAddressBook(db: DbOrTx, userId: number, a: Address): Promise<void> {
  const [same] = await db
    .select({ id: addresses.id })
    .from(addresses)
    .where(and(eq(addresses.userId, userId), eq(addresses.line1, a.line1), eq(addresses.postcode, a.postcode)))
    .limit(1);
  if (same) return;
  const [{ n }] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(addresses)
    .where(eq(addresses.userId, userId))) as [{ n: number }];
  if (n >= MAX_ADDRESSES) return;
  await db.insert(addresses).values({ userId, ...a, label: n ? "Saved address" : "Home", isDefault: n === 0 });
}

/** Only the owner's address is touched; another customer's id acts as "not found". */
export async function removeAddress(db: Db, userId: number, id: number) {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!gone) throw new UserError("Address not found.");
    if (gone.isDefault) {
      const [next] = await tx.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId)).orderBy(asc(addresses.id)).limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
  });
}

export async function setDefaultAddress(db: Db, userId: number, id: number) {
  await db.transaction(async (tx) => {
    const [own] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, userId)));
    if (!own) throw new UserError("Address not found.");
    await tx
      .update(addresses)
      .set({ isDefault: sql`${addresses.id} = ${id}` })
      .where(eq(addresses.userId, userId));
  });
}
