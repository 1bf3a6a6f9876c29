import crypto from "node:crypto";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { cdpEvents, csatResponses, dealRedemptions, emailTokens, orders, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { stitchAnonymous } from "@/lib/cdp/identity/identity";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { queueMail, withinMailLimit } from "@/lib/mail";
import { orderUrl } from "@/lib/orders/tracking-link";
import { UserError } from "@/lib/result";
import { siteUrl } from "@/lib/site";

/**
 * A guest becomes a customer only by proving the order's email: "save your details" emails a
 * single-use link; following it sets a password on a new account that owns the guest's orders to
 * that email (or, where an account exists, verifies it and joins the orders to it). A verified
 * account adopts later guest orders to its email at every sign-in.
 */

export const CLAIM_TTL_HOURS = 24;
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

type GuestOrder = { id: number; number: string; email: string; name: string };

async function guestOrder(db: Db, number: string): Promise<GuestOrder | null> {
  const [o] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.number, number), isNull(orders.userId), eq(orders.source, "web")))
    .limit(1);
  return o?.email ? { id: o.id, number: o.number, email: o.email.toLowerCase(), name: o.shippingAddress?.name ?? "" } : null;
}

/** Emails the claim link for a guest order (the caller has checked the signed order link). Neutral either way. */
export async function requestClaim(db: Db, orderNumber: string): Promise<void> {
  const o = await guestOrder(db, orderNumber);
  if (!o) throw new UserError("This order is already saved to an account. Sign in to see it.");
  if (!(await withinMailLimit(db, "claim", o.email))) return; // the same answer: the link already on its way is the one to use
  const token = crypto.randomBytes(32).toString("base64url");
  await db.insert(emailTokens).values({ tokenHash: sha256(token), email: o.email, purpose: "claim", orderId: o.id, expiresAt: new Date(Date.now() + CLAIM_TTL_HOURS * 3600_000) });
  const link = `${siteUrl()}/claim?token=${token}`;
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${o.email}`)
    .limit(1);
  await queueMail(db, {
    to: o.email,
    subject: account ? `Add order ${o.number} to your Hearth account` : `Save your details for order ${o.number}`,
    content: account
      ? {
          preview: "Add this order to your account",
          heading: "Add your order to your account",
          paragraphs: [`You already have a Hearth account with this email. This link adds order ${o.number}, and your other guest orders, to it. Then sign in as usual.`],
          button: { label: "Add to my account", href: link },
          note: `The link works once, for ${CLAIM_TTL_HOURS} hours. If you didn't ask for it, ignore this email.`,
        }
      : {
          preview: "Set a password to save your details",
          heading: "Save your details",
          paragraphs: [`Set a password and your order ${o.number} and details are saved in your own account: follow orders, returns and deliveries in one place.`],
          button: { label: "Set a password", href: link },
          note: `The link works once, for ${CLAIM_TTL_HOURS} hours. If you didn't ask for it, ignore this email. Your order: ${orderUrl(o.number)}`,
        },
    meta: { kind: "claim", order: o.number, link },
  });
}

/** What a claim link is for (null when invalid, used or expired), for the page that opens it. */
export async function claimInfo(db: Db, token: string): Promise<{ email: string; hasAccount: boolean; orderNumber: string | null } | null> {
  const [t] = await db
    .select({ email: emailTokens.email, orderId: emailTokens.orderId })
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, sha256(token)), eq(emailTokens.purpose, "claim"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, new Date())))
    .limit(1);
  if (!t) return null;
  const [[account], [o]] = await Promise.all([
    db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${t.email}`)
      .limit(1),
    t.orderId ? db.select({ number: orders.number }).from(orders).where(eq(orders.id, t.orderId)) : Promise.resolve([]),
  ]);
  return { email: t.email, hasAccount: Boolean(account), orderNumber: o?.number ?? null };
}

/**
 * Uses a claim link: a new account with `password` (or, where one exists, the existing account,
 * whose password is left alone) gets the email marked verified and adopts the guest orders to it.
 */
export async function completeClaim(db: Db, token: string, password: string | null): Promise<{ userId: number; email: string; created: boolean; adopted: string[] }> {
  const passwordHash = password ? await hashPassword(password) : null;
  const result = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(emailTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(emailTokens.tokenHash, sha256(token)), eq(emailTokens.purpose, "claim"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, new Date())))
      .returning({ email: emailTokens.email, orderId: emailTokens.orderId });
    if (!used) throw new UserError("This link is invalid, used or expired. Open your order and ask for a new one.");
    const [existing] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${used.email}`)
      .limit(1);
    let userId: number;
    if (existing) {
      userId = existing.id;
      await tx
        .update(users)
        .set({ emailVerifiedAt: existing.emailVerifiedAt ?? new Date() })
        .where(eq(users.id, userId));
    } else {
      if (!passwordHash) throw new UserError("Choose a password.", "password");
      const [o] = used.orderId ? await tx.select({ address: orders.shippingAddress }).from(orders).where(eq(orders.id, used.orderId)) : [];
      const [row] = await tx
        .insert(users)
        .values({ email: used.email, name: o?.address?.name ?? null, passwordHash, role: "customer", emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      userId = row!.id;
    }
    return { userId, email: used.email, created: !existing };
  });
  const adopted = await adoptGuestOrders(db, result.userId, result.email);
  return { ...result, adopted };
}

/**
 * Guest orders to a verified email join that customer: the orders, their redemptions and rating,
 * and their CDP events (the browsers that placed them are stitched, identity.ts rule 1). Returns
 * the adopted order numbers. Safe to call again: only orders with no owner move.
 */
export async function adoptGuestOrders(db: Db, userId: number, email: string): Promise<string[]> {
  const moved = await db
    .update(orders)
    .set({ userId })
    .where(and(isNull(orders.userId), eq(orders.source, "web"), sql`lower(${orders.email}) = ${email.toLowerCase()}`))
    .returning({ id: orders.id, number: orders.number });
  if (!moved.length) return [];
  const ids = moved.map((o) => o.id);
  const numbers = moved.map((o) => o.number);
  await db
    .update(dealRedemptions)
    .set({ userId })
    .where(and(inArray(dealRedemptions.orderId, ids), isNull(dealRedemptions.userId)));
  await db
    .update(csatResponses)
    .set({ userId })
    .where(and(inArray(csatResponses.orderId, ids), isNull(csatResponses.userId)));
  const { rows } = await db.execute<{ anonymous_id: string }>(sql`
    select distinct anonymous_id from cdp_events
     where user_id is null and anonymous_id is not null
       and coalesce(properties->>'order_id', properties->>'checkout_id') in ${numbers}`);
  for (const r of rows) await stitchAnonymous(db, r.anonymous_id, userId);
  // Events without a browser id (or whose browser belongs to someone else) still join by order.
  await db
    .update(cdpEvents)
    .set({ userId })
    .where(and(isNull(cdpEvents.userId), sql`coalesce(${cdpEvents.properties}->>'order_id', ${cdpEvents.properties}->>'checkout_id') in ${numbers}`));
  return numbers;
}

/**
 * After a sign-up: if guest orders were placed to this email, the owner is emailed the link that
 * proves the address and adds them (sign-up alone proves nothing: anyone can type an email).
 */
export async function offerGuestOrders(db: Db, email: string): Promise<void> {
  const [o] = await db
    .select({ number: orders.number })
    .from(orders)
    .where(and(isNull(orders.userId), eq(orders.source, "web"), sql`lower(${orders.email}) = ${email.toLowerCase()}`))
    .orderBy(sql`${orders.id} desc`)
    .limit(1);
  if (o) await requestClaim(db, o.number);
}

/** At sign-in: a verified account adopts guest orders placed to its email since. */
export async function adoptOnSignIn(db: Db, userId: number): Promise<string[]> {
  const [u] = await db.select({ email: users.email, verified: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return u?.verified ? adoptGuestOrders(db, userId, u.email) : [];
}

/** Guest checkout's own limit: orders per hour per address and per email (RATE_LIMIT_GUEST_ORDERS). */
export const guestOrderLimit = () => ({ limit: env().RATE_LIMIT_GUEST_ORDERS, windowSeconds: 3600 });
