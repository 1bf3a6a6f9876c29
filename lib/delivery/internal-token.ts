import crypto from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * The bearer token with which the simulator CLI asks a running store to run a tick in-process
 * (needed with PGlite, which one process owns). Derived from AUTH_SECRET, which both share.
 */
export function simulatorToken(secret = authSecret()): string {
  return crypto.createHmac("sha256", secret).update("deliveries:simulate").digest("base64url");
}

export function checkSimulatorToken(header: string | null): boolean {
  const given = Buffer.from((header ?? "").replace(/^Bearer\s+/i, ""));
  const want = Buffer.from(simulatorToken());
  return given.length === want.length && crypto.timingSafeEqual(given, want);
}
