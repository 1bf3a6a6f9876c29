"use server";

import { cookies, headers } from "next/headers";
import { refresh } from "next/cache";
import { expirePersonal } from "@/lib/cache/expire";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { signOut } from "@/lib/auth";
import { verifyPassword } from "@/lib/auth/password";
import { CART_COOKIE } from "@/lib/cart/cookie";
import { UserError } from "@/lib/result";
import { customerAction, publicAction } from "@/lib/shop/action";
import { deleteCustomer } from "@/lib/cdp/privacy/privacy";
import { capture } from "@/lib/cdp/track/capture";
import { encodeConsent, saveConsent } from "@/lib/cdp/identity/consent";
import { ANON_COOKIE, CONSENT_COOKIE, CONSENT_COOKIE_OPTIONS } from "@/lib/cdp/identity/cookies";
import { contextFromHeaders } from "@/lib/cdp/identity/context";
import { EVENTS } from "@/lib/cdp/track/events";
import { clearRecentlyViewed } from "@/lib/cdp/track/recently-viewed";
import { currentAnonymousId } from "@/lib/cdp/track/request";
import { requestIsHttps } from "@/lib/security/request";

const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());
const consentSchema = z.object({
  choice: z.enum(["all", "necessary", "custom"], { error: "Choose an option" }),
  analytics: checkbox.default(false),
  personalization: checkbox.default(false),
});

/** The consent banner and the privacy settings: records the choice for this browser (and account). */
export const saveConsentAction = publicAction({ name: "cdp.saveConsent", schema: consentSchema, invalid: "Choose which cookies to allow." }, async (input, { db, user }) => {
  const { choice } = input;
  const consent =
    choice === "all"
      ? { analytics: true, personalization: true }
      : choice === "necessary"
        ? { analytics: false, personalization: false }
        : { analytics: input.analytics, personalization: input.personalization };
  const [anonymousId, h, jar] = await Promise.all([currentAnonymousId(), headers(), cookies()]);
  const gpc = h.get("sec-gpc") === "1";
  await saveConsent(db, { userId: user?.id, anonymousId }, { ...consent, gpc, source: user ? "account" : "banner" });
  jar.set(CONSENT_COOKIE, encodeConsent(consent), { ...CONSENT_COOKIE_OPTIONS, secure: requestIsHttps(h) });
  if (!consent.personalization) await clearRecentlyViewed(db, { userId: user?.id ?? null, anonymousId });
  const { context, deviceType } = contextFromHeaders(h);
  capture({ event: EVENTS.consentUpdated, userId: user?.id ?? null, anonymousId, properties: { ...consent, gpc }, context, deviceType });
  refresh();
  if (user) await expirePersonal(user.id);
  return {
    message: consent.analytics || consent.personalization ? "Thanks — your choices are saved." : "Saved: only the cookies the shop needs to work.",
  };
});

const deleteSchema = z.object({
  password: z.string().min(1, "Enter your password").max(200),
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
});

/** Erases the signed-in customer's account (privacy.ts rules), then signs them out. */
export const deleteAccountAction = customerAction(
  { name: "cdp.deleteAccount", schema: deleteSchema, invalid: "Please check the highlighted fields." },
  async (input, { db, user }) => {
    if (user.role !== "customer") throw new UserError("Staff accounts are removed by an administrator.");
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    // Accounts made with GitHub/Google have no password: typing DELETE is the confirmation.
    if (row?.hash && !(await verifyPassword(row.hash, input.password))) throw new UserError("That password isn't right.", "password");
    await deleteCustomer(db, user.id);
    const jar = await cookies();
    for (const name of [ANON_COOKIE, CART_COOKIE]) jar.delete(name);
    await signOut({ redirectTo: "/?account=deleted" });
    return { message: "Deleted." };
  },
);
