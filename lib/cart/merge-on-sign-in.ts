import { getDb } from "@/lib/db";
import { CART_COOKIE, verifyCartCookie } from "./cookie";
import { liveGuestCart, mergeCarts } from "./store";

type CookieJar = { get(name: string): { value: string } | undefined; delete(name: string): unknown };

/** Auth.js signIn event: the guest cart of this browser joins the customer's cart. */
export async function mergeGuestCartOnSignIn(jar: CookieJar, userId: number): Promise<void> {
  const db = await getDb();
  const guest = await liveGuestCart(db, verifyCartCookie(jar.get(CART_COOKIE)?.value));
  if (guest) await mergeCarts(db, guest, userId);
  try {
    jar.delete(CART_COOKIE);
  } catch {
    /* read-only cookies (not in an action or route): the merged cart is ignored from now on anyway */
  }
}
