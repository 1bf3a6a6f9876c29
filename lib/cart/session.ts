import "server-only";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { CART_COOKIE, signCartId, verifyCartCookie } from "./cookie";
import { cartIdForUser, createCart, liveGuestCart, userCartId } from "./store";
import { requestIsHttps } from "@/lib/security/request";

/**
 * This request's cart id: the customer's when signed in, else the guest cart named by the signed
 * cookie. With `create`, a guest without one gets a new cart and cookie (only in actions).
 */
export async function currentCartId(opts: { create: true }): Promise<string>;
export async function currentCartId(opts?: { create?: false }): Promise<string | null>;
export async function currentCartId({ create = false }: { create?: boolean } = {}): Promise<string | null> {
  const db = await getDb();
  const user = await getCurrentUser();
  if (user) return create ? cartIdForUser(db, user.id) : userCartId(db, user.id);
  const jar = await cookies();
  const existing = await liveGuestCart(db, verifyCartCookie(jar.get(CART_COOKIE)?.value));
  if (existing || !create) return existing;
  const id = await createCart(db);
  jar.set(CART_COOKIE, signCartId(id), {
    httpOnly: true,
    sameSite: "lax",
    secure: requestIsHttps(await headers()),
    path: "/",
    maxAge: 60 * 60 * 24 * 60,
  });
  return id;
}
