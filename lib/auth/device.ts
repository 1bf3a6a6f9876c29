import crypto from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * "This browser signed in to this account before": a cookie set at each successful sign-in,
 * `<user id>.<device id>.<HMAC>` signed with AUTH_SECRET over the account's session version, so a
 * password change or "sign out everywhere" forgets every device. It lets the owner past the
 * per-account sign-in delay that strangers' wrong passwords cause (see README, Security rules).
 */
export const DEVICE_COOKIE = "hearth_device";
export const DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
const ID = /^[A-Za-z0-9_-]{16,32}$/;

const mac = (userId: string, sessionVersion: number, deviceId: string) =>
  crypto.createHmac("sha256", authSecret()).update(`device:${userId}:${sessionVersion}:${deviceId}`).digest("base64url");

export function signDevice(userId: string, sessionVersion: number, deviceId = crypto.randomBytes(16).toString("base64url")): string {
  return `${userId}.${deviceId}.${mac(userId, sessionVersion, deviceId)}`;
}

/** The device id if `value` is this account's device cookie at its current session version, else null. */
export function knownDevice(value: string | null | undefined, userId: string, sessionVersion: number): string | null {
  const [uid, deviceId, sig, extra] = (value ?? "").split(".");
  if (extra !== undefined || uid !== userId || !deviceId || !sig || !ID.test(deviceId)) return null;
  const expected = Buffer.from(mac(userId, sessionVersion, deviceId));
  const given = Buffer.from(sig);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? deviceId : null;
}

/** One cookie's value from a Cookie request header. */
export function cookieFrom(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(/;\s*/)) {
    const eq = part.indexOf("=");
    if (eq <= 0 || part.slice(0, eq) !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1));
    } catch {
      return null;
    }
  }
  return null;
}
