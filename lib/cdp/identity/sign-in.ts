import { expirePersonal } from "@/lib/cache/expire";
import "server-only";
import { after } from "next/server";
import { getDb } from "@/lib/db";
import { capture } from "@/lib/cdp/track/capture";
import { consentOfUser, decodeConsent, encodeConsent, NO_CONSENT, saveConsent } from "@/lib/cdp/identity/consent";
import { ANON_COOKIE, ANON_COOKIE_OPTIONS, ANON_ID, CONSENT_COOKIE, CONSENT_COOKIE_OPTIONS, newAnonymousId } from "@/lib/cdp/identity/cookies";
import { EVENTS } from "@/lib/cdp/track/events";
import { stitchAnonymous } from "@/lib/cdp/identity/identity";
import { refreshCustomers } from "@/lib/cdp/audience/refresh";
import { log } from "@/lib/log";

type CookieJar = {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options?: Record<string, unknown>): unknown;
};

/**
 * Auth.js signIn event: this browser's anonymous history joins the customer (identity.ts rules),
 * and browser and account agree on consent (the more recent choice wins).
 */
export async function onSignedIn(jar: CookieJar, userId: number, gpc = false, https = false): Promise<void> {
  const db = await getDb();
  const anon = jar.get(ANON_COOKIE)?.value;
  let anonymousId = anon && ANON_ID.test(anon) ? anon : null;
  if (anonymousId) {
    const r = await stitchAnonymous(db, anonymousId, userId);
    // This browser's views joined the customer's recently viewed.
    if (r.linked) await expirePersonal(userId, db);
    if (!r.linked) {
      // Another customer's browser: start a fresh anonymous id so nothing crosses between them.
      anonymousId = newAnonymousId();
      trySet(jar, ANON_COOKIE, anonymousId, { ...ANON_COOKIE_OPTIONS, secure: https });
    }
  }
  // The more recent choice wins: the account's goes to this browser, or the browser's to the account.
  const browser = decodeConsent(jar.get(CONSENT_COOKIE)?.value);
  const account = await consentOfUser(db, userId);
  // Global Privacy Control wins for the browser that sends it: an "accept" given on the account
  // elsewhere is not copied here (a choice made in this browser itself still counts).
  const accountNewer = account !== null && (!browser || account.updatedAt.getTime() > browser.at) && !(gpc && (account.analytics || account.personalization));
  if (accountNewer) {
    trySet(jar, CONSENT_COOKIE, encodeConsent(account, account.updatedAt.getTime()), { ...CONSENT_COOKIE_OPTIONS, secure: https });
  } else if (browser && (!account || account.updatedAt.getTime() < browser.at)) {
    await saveConsent(db, { userId }, { ...browser, at: new Date(browser.at), source: "banner" });
  }
  const consent = accountNewer ? account : (browser ?? NO_CONSENT);
  capture({ event: EVENTS.signedIn, userId, anonymousId }, consent);
  if (anonymousId) capture({ type: "alias", event: "alias", userId, properties: { previousId: anonymousId } }, consent);
  const refresh = () => refreshCustomers(db, [userId]).catch((err) => log.error({ err }, "cdp: refresh after sign-in failed"));
  try {
    after(refresh);
  } catch {
    void refresh();
  }
}

function trySet(jar: CookieJar, name: string, value: string, options: Record<string, unknown>) {
  try {
    jar.set(name, value, options);
  } catch {
    /* read-only cookies outside actions and route handlers: the next request fixes it */
  }
}
