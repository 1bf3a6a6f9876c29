"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/credentials";
import { signIn } from "@/lib/auth/index";
import { ORDER_NUMBER } from "@/lib/orders/number";
import { verifyOrderToken } from "@/lib/orders/tracking-link";
import { UserError } from "@/lib/result";
import { publicAction } from "@/lib/shop/action";
import { claimInfo, completeClaim, requestClaim } from "./claim";

const LINK_INVALID = "This order link is not valid. Open the link in your confirmation email.";

/** "Save your details — set a password", on a guest's order page: emails the claim link to the order's address. */
export const requestClaimAction = publicAction(
  {
    name: "account.requestClaim",
    schema: z.object({ number: z.string().regex(ORDER_NUMBER, LINK_INVALID), t: z.string().max(100) }),
    limits: (_input, { ip }) => [{ key: `claim:ip:${ip}`, limit: { limit: 20, windowSeconds: 3600 }, message: "Too many requests from your network. Please try again later." }],
  },
  async ({ number, t }, { db }) => {
    if (!verifyOrderToken(number, t)) throw new UserError(LINK_INVALID);
    await requestClaim(db, number);
    return { message: "Check your inbox: we've emailed you a link to set your password and save this order." };
  },
);

/** The emailed claim link's form: a new account signs straight in; an existing one is sent to sign in. */
export const completeClaimAction = publicAction(
  {
    name: "account.completeClaim",
    schema: z.object({ token: z.string().min(1).max(200), password: z.union([z.literal(""), passwordSchema]).default("") }),
  },
  async ({ token, password }, { db }) => {
    const info = await claimInfo(db, token);
    const next = info?.orderNumber ? `/account/orders/${info.orderNumber}` : "/account/orders";
    const done = await completeClaim(db, token, password || null);
    if (done.created) await signIn("credentials", { email: done.email, password, redirectTo: next });
    redirect(`/sign-in?next=${encodeURIComponent(next)}&claimed=1`);
  },
);
