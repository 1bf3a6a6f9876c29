"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { signOut } from "@/lib/auth";
import { verifyPassword } from "@/lib/auth/password";
import { CART_COOKIE } from "@/lib/cart/cookie";
import { fail, fieldErrorsOf, ok, type ActionResult } from "@/lib/result";
import { deleteCustomer } from "./privacy";
import { capture } from "./capture";
import { encodeConsent, saveConsent } from "./consent";
import { ANON_COOKIE, CONSENT_COOKIE, CONSENT_COOKIE_OPTIONS } from "./cookies";
import { contextFromHeaders } from "./context";
import { EVENTS } from "./events";
import { clearRecentlyViewed } from "./recently-viewed";
import { currentAnonymousId } from "./server";

const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());
const consentSchema = z.object({
  choice: z.enum(["all", "necessary", "custom"], { error: "Choose an option" }),
  analytics: checkbox.default(false),
  personalization: checkbox.default(false),
});

/** The consent banner and the privacy settings: records the choice for this browser (and account). */
export async function saveConsentAction(_prev: ActionResult<{ message: string }> | null, data: FormData): Promise<ActionResult<{ message: string }>> {
  const parsed = consentSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("Choose which cookies to allow.", fieldErrorsOf(parsed.error));
  const { choice } = parsed.data;
  const consent =
    choice === "all" ? { analytics: true, personalization: true } : choice === "necessary" ? { analytics: false, personalization: false } : { analytics: parsed.data.analytics, personalization: parsed.data.personalization };
  const [user, anonymousId, h, jar] = await Promise.all([getCurrentUser(), currentAnonymousId(), headers(), cookies()]);
  const gpc = h.get("sec-gpc") === "1";
  const db = await getDb();
  await saveConsent(db, { userId: user?.id, anonymousId }, { ...consent, gpc, source: user ? "account" : "banner" });
  jar.set(CONSENT_COOKIE, encodeConsent(consent), CONSENT_COOKIE_OPTIONS);
  if (!consent.personalization) await clearRecentlyViewed(db, { userId: user?.id ?? null, anonymousId });
  const { context, deviceType } = contextFromHeaders(h);
  capture({ event: EVENTS.consentUpdated, userId: user?.id ?? null, anonymousId, properties: { ...consent, gpc }, context, deviceType });
  revalidatePath("/", "layout");
  return ok({
    message: consent.analytics || consent.personalization ? "Thanks — your choices are saved." : "Saved: only the cookies the shop needs to work.",
  });
}

const deleteSchema = z.object({
  password: z.string().min(1, "Enter your password").max(200),
  confirm: z.literal("DELETE", { error: 'Type DELETE to confirm' }),
});

/** Erases the signed-in customer's account (privacy.ts rules), then signs them out. */
export async function deleteAccountAction(_prev: ActionResult<{ message: string }> | null, data: FormData): Promise<ActionResult<{ message: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  if (user.role !== "customer") return fail("Staff accounts are removed by an administrator.");
  const parsed = deleteSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("Please check the highlighted fields.", fieldErrorsOf(parsed.error));
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  // Accounts made with GitHub/Google have no password: typing DELETE is the confirmation.
  if (row?.hash && !(await verifyPassword(row.hash, parsed.data.password))) return fail("That password isn't right.", { password: ["That password isn't right"] });
  await deleteCustomer(db, user.id);
  const jar = await cookies();
  for (const name of [ANON_COOKIE, CART_COOKIE]) jar.delete(name);
  await signOut({ redirectTo: "/?account=deleted" });
  return ok({ message: "Deleted." });
}
