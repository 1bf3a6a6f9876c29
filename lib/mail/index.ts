import { render } from "@react-email/components";
import { createElement } from "react";
import { outbox } from "@/db/schema";
import type { Db } from "@/lib/db";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { ShopEmail, type MailContent } from "./shop-email";

export type { MailContent } from "./shop-email";

/** Mails of one kind that one address may receive an hour, whoever triggers them (no inbox flooding). */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;

/**
 * Counts one mail of `kind` to `email` and says whether it may go. Forms that trigger mail to an
 * address someone typed (reset, account exists, claim) skip the mail past the limit and answer the
 * same neutral message. The key ends with the address, so export and erasure find it.
 */
export async function withinMailLimit(db: Db, kind: string, email: string): Promise<boolean> {
  return (await hitRateLimit(db, `mail:${kind}:${email.toLowerCase()}`, { limit: MAILS_PER_ADDRESS_PER_HOUR, windowSeconds: 3600 })).allowed;
}
export type Mail = { to: string; subject: string; content: MailContent; meta?: Record<string, unknown> };

/** The HTML and plain-text bodies of one email, from the shop's template. */
export async function renderMail(content: MailContent): Promise<{ html: string; text: string }> {
  const el = createElement(ShopEmail, { content });
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { html, text };
}

/**
 * The one way to send mail: written to the outbox with `db` — pass the transaction of the change
 * that causes it, so a mail exists exactly when its change committed. The outbox worker sends it
 * (lib/mail/worker.ts); a failed send is retried and never fails the change.
 */
export async function queueMail(db: Db, mail: Mail): Promise<void> {
  const { html, text } = await renderMail(mail.content);
  await db.insert(outbox).values({ to: mail.to, subject: mail.subject, text, html, meta: mail.meta ?? {} });
  kickOutbox();
}

// Set by the worker module when this process runs one (the server): new mail goes out at once
// instead of waiting for the next poll. Kept as a hook so lib/mail does not import the transport.
let kick: (() => void) | null = null;
export function onMailQueued(fn: (() => void) | null): void {
  kick = fn;
}
function kickOutbox() {
  // After the caller's transaction has (very likely) committed; the worker's poll catches the rest.
  if (kick) setTimeout(kick, 250).unref();
}
