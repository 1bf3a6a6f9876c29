import crypto from "node:crypto";
import { authSecret } from "@/lib/env";

/** The guest cart cookie: `<cart uuid>.<HMAC-SHA256>` signed with AUTH_SECRET, so ids cannot be guessed or forged. */
export const CART_COOKIE = "hearth_cart";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (id: string) => crypto.createHmac("sha256", authSecret()).update(`cart:${id}`).digest("base64url");

export function signCartId(id: string): string {
  return `${id}.${mac(id)}`;
}

/** The cart id from a cookie value, or null if it is missing, malformed or tampered with. */
export function verifyCartCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  const id = value.slice(0, dot);
  const sig = value.slice(dot + 1);
  if (dot < 0 || !UUID.test(id)) return null;
  const expected = Buffer.from(mac(id));
  const given = Buffer.from(sig);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? id : null;
}
