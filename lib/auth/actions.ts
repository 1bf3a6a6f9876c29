"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { capture } from "@/lib/cdp/capture";
import { ANON_COOKIE } from "@/lib/cdp/cookies";
import { EVENTS } from "@/lib/cdp/events";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { fail, fieldErrorsOf, keep, ok, UserError, type ActionResult } from "@/lib/result";
import { clientIp, hitRateLimit, SIGNIN_LIMITS } from "@/lib/security/rate-limit";
import {
  changePassword,
  changePasswordSchema,
  createAccount,
  profileSchema,
  requestPasswordReset,
  resetPassword,
  signUpSchema,
  updateProfile,
} from "./accounts";
import { emailSchema, passwordSchema } from "./credentials";
import { getCurrentUser } from "./current-user";
import { signIn, signOut } from "./index";
import { safeNextPath as safeNext } from "./next-path";

type Result = ActionResult<undefined | { message: string }>;

async function ip() {
  return clientIp(await headers());
}

async function signInWith(email: string, password: string, next: string): Promise<Result> {
  try {
    await signIn("credentials", { email, password, redirectTo: next });
    return ok(undefined);
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited") {
      return fail("Too many sign-in attempts. Please wait 15 minutes and try again.");
    }
    if (err instanceof AuthError) return fail("That email and password don't match an account.");
    throw err; // the redirect after a successful sign-in
  }
}

export async function signInAction(_prev: Result | null, data: FormData): Promise<Result> {
  const email = String(data.get("email") ?? "");
  const password = String(data.get("password") ?? "");
  if (!email.trim() || !password) return keep(fail("Enter your email and password."), data, ["email"]);
  return keep(await signInWith(email, password, safeNext(data.get("next"))), data, ["email"]);
}

export async function signUpAction(_prev: Result | null, data: FormData): Promise<Result> {
  return keep(await signUp(data), data, ["name", "email"]);
}

async function signUp(data: FormData): Promise<Result> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("Please check the highlighted fields.", fieldErrorsOf(parsed.error));
  const db = await getDb();
  if (!(await hitRateLimit(db, `signup:ip:${await ip()}`, SIGNIN_LIMITS.signUpPerIp)).allowed) {
    return fail("Too many sign-ups from your network. Please try again later.");
  }
  try {
    const created = await createAccount(db, parsed.data);
    if (created) capture({ event: EVENTS.signedUp, userId: created.id, properties: { method: "password" } });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
  return signInWith(parsed.data.email, parsed.data.password, safeNext(data.get("next")));
}

export async function signOutAction(): Promise<void> {
  // A fresh anonymous id after sign-out: the next person on this browser starts a new history.
  (await cookies()).delete(ANON_COOKIE);
  await signOut({ redirectTo: "/" });
}

export async function forgotPasswordAction(_prev: Result | null, data: FormData): Promise<Result> {
  const parsed = emailSchema.safeParse(data.get("email"));
  if (!parsed.success) return keep(fail("Enter a valid email address.", { email: ["Enter a valid email address"] }), data, ["email"]);
  const db = await getDb();
  if ((await hitRateLimit(db, `reset:ip:${await ip()}`, SIGNIN_LIMITS.resetPerIp)).allowed) {
    await requestPasswordReset(db, parsed.data);
  }
  // The same answer whether or not the account exists (and when rate-limited).
  return ok({ message: "If an account exists for that email, we've sent a link to reset the password. It works for 60 minutes." });
}

export async function resetPasswordAction(_prev: Result | null, data: FormData): Promise<Result> {
  const parsed = z.object({ token: z.string().min(10).max(200), password: passwordSchema }).safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("Please check the highlighted fields.", fieldErrorsOf(parsed.error));
  try {
    await resetPassword(await getDb(), parsed.data.token, parsed.data.password);
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
  redirect("/sign-in?reset=1");
}

export async function changePasswordAction(_prev: Result | null, data: FormData): Promise<Result> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return fail("Please check the highlighted fields.", fieldErrorsOf(parsed.error));
  try {
    await changePassword(await getDb(), user.id, parsed.data);
  } catch (err) {
    if (err instanceof UserError) return fail(err.message);
    throw err;
  }
  // Every session (this one too) was issued before the change: sign in again with the new password.
  return signInWith(user.email, parsed.data.next, "/account?password=changed");
}

export async function updateProfileAction(_prev: Result | null, data: FormData): Promise<Result> {
  const user = await getCurrentUser();
  if (!user) return fail("Please sign in again.");
  const parsed = profileSchema.safeParse(Object.fromEntries(data));
  if (!parsed.success) return keep(fail("Please check the highlighted fields.", fieldErrorsOf(parsed.error)), data, ["name"]);
  await updateProfile(await getDb(), user.id, parsed.data);
  return ok({ message: "Saved." });
}
