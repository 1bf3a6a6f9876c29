import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { cookies, headers } from "next/headers";
import { getDb } from "@/lib/db";
import { clientIp } from "@/lib/security/rate-limit";
import { mergeGuestCartOnSignIn } from "@/lib/cart/merge-on-sign-in";
import { onSignedIn } from "@/lib/cdp/identity/sign-in";
import { adoptOnSignIn } from "@/lib/account/claim";
import { recordSignIn, upsertOAuthUser } from "./accounts";
import { authConfig } from "./auth.config";
import { verifyCredentials } from "./credentials";
import { cookieFrom, DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, knownDevice, signDevice } from "./device";
import { requestIsHttps } from "@/lib/security/request";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** OAuth providers appear only when their keys are set. */
export function oauthProviders() {
  const list: NonNullable<NextAuthConfig["providers"]> = [];
  const e = env();
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push(GitHub);
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push(Google);
  return list;
}

type Jar = Awaited<ReturnType<typeof cookies>>;

/** Marks this browser as one the account signed in from (kept if it already is). */
function rememberDevice(jar: Jar, h: Headers, userId: string, sessionVersion: number) {
  if (knownDevice(jar.get(DEVICE_COOKIE)?.value, userId, sessionVersion)) return;
  jar.set(DEVICE_COOKIE, signDevice(userId, sessionVersion), { httpOnly: true, sameSite: "lax", secure: requestIsHttps(h), path: "/", maxAge: DEVICE_COOKIE_MAX_AGE });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is routine, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, "auth: error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) =>
        verifyCredentials(await getDb(), credentials, { ip: clientIp(request.headers), device: cookieFrom(request.headers.get("cookie"), DEVICE_COOKIE) }),
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account }) {
      // OAuth sign-ins get (or find) a customer row, so they have carts and orders like everyone.
      if (account && account.type !== "credentials") {
        if (!user.email) return false;
        const row = await upsertOAuthUser(await getDb(), { email: user.email, name: user.name ?? null });
        Object.assign(user, { id: String(row.id), role: row.role, sessionVersion: row.sessionVersion });
      }
      return true;
    },
  },
  events: {
    async signIn({ user }) {
      if (!user.id) return;
      const db = await getDb();
      await recordSignIn(db, Number(user.id));
      await adoptOnSignIn(db, Number(user.id));
      const [jar, h] = await Promise.all([cookies(), headers()]);
      rememberDevice(jar, h, user.id, (user as { sessionVersion?: number }).sessionVersion ?? 0);
      await mergeGuestCartOnSignIn(jar, Number(user.id));
      await onSignedIn(jar, Number(user.id), h.get("sec-gpc") === "1", requestIsHttps(h));
    },
  },
});
