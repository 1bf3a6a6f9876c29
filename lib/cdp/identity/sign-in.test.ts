import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { decodeConsent, saveConsent } from "@/lib/cdp/identity/consent";
import { CONSENT_COOKIE } from "@/lib/cdp/identity/cookies";
import { refreshCustomers } from "@/lib/cdp/audience/refresh";
import { onSignedIn } from "@/lib/cdp/identity/sign-in";

let db: Db;
const jar = () => {
  const m = new Map<string, string>();
  return { m, get: (n: string) => (m.has(n) ? { value: m.get(n)! } : undefined), set: (n: string, v: string) => void m.set(n, v) };
};

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(dropTestDb);

describe("consent at sign-in", () => {
  it("copies the account's choice to a browser, but never an 'accept' to one that sends Global Privacy Control", async () => {
    const [u] = await db.insert(users).values({ email: "gpc@example.com" }).returning();
    await saveConsent(db, { userId: u!.id }, { analytics: true, personalization: true, source: "account" });
    const plain = jar();
    await onSignedIn(plain, u!.id, false);
    expect(decodeConsent(plain.m.get(CONSENT_COOKIE))).toMatchObject({ analytics: true, personalization: true });
    const gpc = jar();
    await onSignedIn(gpc, u!.id, true);
    expect(gpc.m.has(CONSENT_COOKIE)).toBe(false); // no recorded choice here: GPC's "no" applies
    // Sign-in refreshes the profile in the background (after the response): let it finish before the database closes.
    await refreshCustomers(db, [u!.id]);
  });
});
