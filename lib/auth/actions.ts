"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { redirect } from "next/navigation";
import { offerGuestOrders } from "@/lib/account/claim";
import { capture } from "@/lib/cdp/track/capture";
import { ANON_COOKIE } from "@/lib/cdp/identity/cookies";
import { EVENTS } from "@/lib/cdp/track/events";
import { UserError } from "@/lib/result";
import { hitRateLimit, SIGNIN_LIMITS } from "@/lib/security/rate-limit";
import { customerAction, publicAction } from "@/lib/shop/action";
import { changePassword, changePasswordSchema, createAccount, profileSchema, requestPasswordReset, resetPassword, signUpSchema, updateProfile } from "./accounts";
import { emailSchema, passwordSchema } from "./credentials";
import { signIn, signOut } from "./index";
import { safeNextPath as safeNext } from "./next-path";

const CHECK = "Please check the highlighted fields.";

/** Auth.js sign-in, ending in its redirect; a refusal becomes the form's message. */
async function signInWith(email: string, password: string, next: string): Promise<undefined> {
  try {
    await signIn("credentials", { email, password, redirectTo: next });
    return undefined;
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited")
      throw new UserError("Too many sign-in attempts. Please try again in a few minutes, or reset your password.");
    if (err instanceof AuthError) throw new UserError("That email and password don't match an account.");
    throw err; // the redirect after a successful sign-in
  }
}

export const signInAction = publicAction(
  { name: "auth.signIn", schema: z.object({ email: z.string().max(400).default(""), password: z.string().max(400).default(""), next: z.string().max(2000).optional() }) },
  async ({ email, password, next }) => {
    if (!email.trim() || !password) throw new UserError("Enter your email and password.");
    return signInWith(email, password, safeNext(next));
  },
);

export const signUpAction = publicAction(
  {
    name: "auth.signUp",
    schema: signUpSchema.extend({ next: z.string().max(2000).optional() }),
    invalid: CHECK,
    limits: (_input, { ip }) => [{ key: `signup:ip:${ip}`, limit: SIGNIN_LIMITS.signUpPerIp, message: "Too many sign-ups from your network. Please try again later." }],
  },
  async (input, { db }) => {
    const created = await createAccount(db, input);
    if (created) capture({ event: EVENTS.signedUp, userId: created.id, properties: { method: "password" } });
    await offerGuestOrders(db, input.email);
    return signInWith(input.email, input.password, safeNext(input.next));
  },
);

/** A plain form action (no input): a fresh anonymous id after sign-out, so the next person on this browser starts a new history. */
export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ANON_COOKIE);
  await signOut({ redirectTo: "/" });
}

export const forgotPasswordAction = publicAction(
  { name: "auth.forgotPassword", schema: z.object({ email: emailSchema }), invalid: "Enter a valid email address." },
  async ({ email }, { db, ip }) => {
    if ((await hitRateLimit(db, `reset:ip:${ip}`, SIGNIN_LIMITS.resetPerIp)).allowed) await requestPasswordReset(db, email);
    // The same answer whether or not the account exists (and when rate-limited).
    return { message: "If an account exists for that email, we've sent a link to reset the password. It works for 60 minutes." };
  },
);

export const resetPasswordAction = publicAction(
  { name: "auth.resetPassword", schema: z.object({ token: z.string().min(10).max(200), password: passwordSchema }), invalid: CHECK },
  async ({ token, password }, { db }) => {
    await resetPassword(db, token, password);
    redirect("/sign-in?reset=1");
  },
);

export const changePasswordAction = customerAction({ name: "auth.changePassword", schema: changePasswordSchema, invalid: CHECK }, async (input, { db, user }) => {
  await changePassword(db, user.id, input);
  // Every session (this one too) was issued before the change: sign in again with the new password.
  return signInWith(user.email, input.next, "/account?password=changed");
});

export const updateProfileAction = customerAction({ name: "auth.updateProfile", schema: profileSchema, invalid: CHECK }, async (input, { db, user }) => {
  await updateProfile(db, user.id, input);
  return { message: "Saved." };
});
