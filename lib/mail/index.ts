import { outbox } from "@/db/schema";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string; meta?: Record<string, unknown> };

/**
 * The one mailer. With SMTP_URL set, mail goes out through nodemailer (and is logged in the
 * outbox as sent); without it, mail is kept in the outbox table for admins to read, so password
 * resets work on a machine with no mail server.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const db = await getDb();
  const { SMTP_URL: smtp, MAIL_FROM } = env();
  let sentAt: Date | null = null;
  if (smtp) {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(smtp);
    await transport.sendMail({ from: MAIL_FROM, ...mail });
    sentAt = new Date();
  }
  await db.insert(outbox).values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, meta: mail.meta ?? {}, sentAt });
}
