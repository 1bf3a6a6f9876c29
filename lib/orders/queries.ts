import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { ordersAwaitingCsat } from "@/lib/csat/store";
import { ORDER_NUMBER } from "./number";
import { listOrdersForUser, orderByNumber, orderWithReturns } from "./read";
import { verifyOrderToken, verifyTrackingToken } from "./tracking-link";

/** The signed-in customer's orders only. Never cached. */
export async function getMyOrders(page: number) {
  const user = await getCurrentUser();
  if (!user) return null;
  return listOrdersForUser(await getDb(), user.id, page);
}

export async function getMyOrder(number: string) {
  const user = await getCurrentUser();
  if (!user || !ORDER_NUMBER.test(number)) return null;
  return orderWithReturns(await getDb(), number, user.id);
}

/** For the signed order link (a guest's confirmation and emails): anyone holding it, nobody else. */
export async function getLinkedOrder(number: string, token: string | undefined) {
  if (!ORDER_NUMBER.test(number) || !verifyOrderToken(number, token)) return null;
  return orderWithReturns(await getDb(), number, null);
}

/** For tracking: the owner, or anyone holding the signed tracking or order link. */
export async function getTrackableOrder(number: string, token: string | undefined) {
  if (!ORDER_NUMBER.test(number)) return null;
  const db = await getDb();
  if (verifyTrackingToken(number, token) || verifyOrderToken(number, token)) return orderByNumber(db, number, null);
  const user = await getCurrentUser();
  return user ? orderByNumber(db, number, user.id) : null;
}

/** Delivered orders the signed-in customer has not rated yet. */
export async function getOrdersAwaitingRating() {
  const user = await getCurrentUser();
  if (!user) return [];
  return ordersAwaitingCsat(await getDb(), user.id);
}
