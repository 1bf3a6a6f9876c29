import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { onMailQueued } from "./index";
import { log } from "@/lib/log";

/** What the worker sends through: SMTP in the store, anything with the same shape in tests. */
export type Transport = { send(mail: { from: string; to: string; subject: string; text: string; html: string | null }): Promise<void> };

export const MAX_ATTEMPTS = 8;
/** How long a claimed mail is the claimer's: another instance may retry it after that. */
const LEASE_SECONDS = 120;
/** 30 s, 1 min, 2 min … capped at an hour. */
export const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

/**
 * SMTP through nodemailer. Pooled by default (the worker's): one connection carries mail after
 * mail instead of a handshake each; `close()` ends it.
 */
export function smtpTransport(url: string, { pool = true } = {}): Transport & { close(): void } {
  const u = new URL(url);
  if (pool && !u.searchParams.has("pool")) u.searchParams.set("pool", "true");
  let transport: Promise<{ sendMail(m: object): Promise<unknown>; close(): void }> | null = null;
  return {
    async send(mail) {
      transport ??= import("nodemailer").then((n) => n.createTransport(u.toString()));
      await (await transport).sendMail({ ...mail, html: mail.html ?? undefined });
    },
    close() {
      void transport?.then((t) => t.close());
    },
  };
}

export type DrainResult = { sent: number; retrying: number; failed: number };

/**
 * Sends what is due, a batch at a time. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease,
 * so several instances never send the same mail at once; a failure is kept with its error and
 * retried with backoff, and marked failed after MAX_ATTEMPTS. A crash between the SMTP server's
 * "accepted" and the row's update sends that one mail again after the lease (at least once).
 */
export async function drainOutbox(db: Db, transport: Transport, { batch = 20, concurrency = 5, from = env().MAIL_FROM } = {}): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const { rows } = await db.execute<{ id: number; to: string; subject: string; text: string; html: string | null; attempts: number }>(sql`
      update outbox set attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
       where id in (select id from outbox where status = 'pending' and next_attempt_at <= now()
                     order by next_attempt_at, id limit ${batch} for update skip locked)
      returning id, "to", subject, text, html, attempts`);
    if (!rows.length) return result;
    // The batch goes out `concurrency` at a time (the pool's connections), each row settled on its own.
    const sendOne = async (m: (typeof rows)[number]) => {
      try {
        await transport.send({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
        await db.execute(sql`update outbox set status = 'sent', sent_at = now(), last_error = null where id = ${m.id}`);
        result.sent++;
      } catch (err) {
        const message = String((err as Error)?.message ?? err).slice(0, 500);
        const last = m.attempts >= MAX_ATTEMPTS;
        await db.execute(sql`
          update outbox set last_error = ${message}, status = ${last ? "failed" : "pending"},
                 next_attempt_at = now() + make_interval(secs => ${backoffSeconds(m.attempts)})
           where id = ${m.id}`);
        if (last) result.failed++;
        else result.retrying++;
      }
    };
    for (let i = 0; i < rows.length; i += concurrency) await Promise.all(rows.slice(i, i + concurrency).map(sendOne));
  }
}

/** Puts a mail back in the queue (the admin's "Send again"), as if new. */
export async function resendMail(db: Db, id: number): Promise<boolean> {
  const { rows } = await db.execute(sql`update outbox set status = 'pending', attempts = 0, last_error = null, next_attempt_at = now() where id = ${id} returning id`);
  return rows.length > 0;
}

const g = globalThis as typeof globalThis & { __hearthOutbox?: NodeJS.Timeout };

/** In the server (instrumentation.ts): with SMTP_URL set, new mail goes out at once and due retries every 10 s. */
export function startOutboxWorker(): void {
  const url = env().SMTP_URL;
  if (!url || g.__hearthOutbox) return;
  const transport = smtpTransport(url);
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= getDb()
      .then((db) => drainOutbox(db, transport))
      .catch((err) => log.error({ err }, "outbox: drain failed"))
      .finally(() => (running = null));
  };
  onMailQueued(tick);
  g.__hearthOutbox = setInterval(tick, 10_000);
  g.__hearthOutbox.unref();
}
