import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { queueMail, renderMail } from "./index";
import { drainOutbox, MAX_ATTEMPTS, resendMail, smtpTransport } from "./worker";

let db: Db;
/** A real SMTP server on loopback that refuses the first `failFirst` messages with a 451. */
let server: SMTPServer;
let url = "";
const received: { to: string; body: string }[] = [];
let failFirst = 0;
let seen = 0;

beforeAll(async () => {
  db = await createTestDb();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    onData(stream, session, done) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        seen++;
        if (seen <= failFirst) return done(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dropTestDb();
});

const due = () => db.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });

describe("the outbox worker", () => {
  it("renders the shop's template as HTML and plain text", async () => {
    const { html, text } = await renderMail({
      preview: "p",
      heading: "Your order is on its way",
      paragraphs: ["Order H100001 has left us."],
      button: { label: "Track it live", href: "http://localhost/track/H100001?t=x" },
    });
    expect(html).toContain("<html");
    expect(html).toContain("Your order is on its way");
    expect(html).toContain('href="http://localhost/track/H100001?t=x"');
    expect(text).toContain("Order H100001 has left us.");
    expect(text).toContain("http://localhost/track/H100001?t=x");
    expect(text).not.toContain("<");
  });

  it("retries with backoff when the SMTP server refuses, and delivers exactly one email", async () => {
    failFirst = 2;
    seen = 0;
    await queueMail(db, { to: "ann@example.com", subject: "Your Hearth order H100001", content: { preview: "p", heading: "Thanks", paragraphs: ["Hello Ann"] } });
    const transport = smtpTransport(url, { pool: false });
    const first = await drainOutbox(db, transport);
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000); // backoff: not due again yet
    expect(await drainOutbox(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    await due();
    expect(await drainOutbox(db, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    await due();
    expect(await drainOutbox(db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    await due();
    expect(await drainOutbox(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe("ann@example.com");
    expect(received[0]!.body).toContain("Subject: Your Hearth order H100001");
  });

  it("gives up after the last attempt, keeps the error, and sends again when staff ask", async () => {
    received.length = 0;
    await db.delete(outbox);
    await queueMail(db, { to: "bob@example.com", subject: "Hello Bob", content: { preview: "p", heading: "Hi", paragraphs: ["Hi Bob"] } });
    const [row] = await db.select().from(outbox);
    const dead = smtpTransport("smtp://127.0.0.1:1", { pool: false }); // nothing listens there
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await due();
      await drainOutbox(db, dead);
    }
    const [failed] = await db.select().from(outbox).where(eq(outbox.id, row!.id));
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed!.lastError).toMatch(/ECONNREFUSED/);
    expect(await resendMail(db, row!.id)).toBe(true);
    failFirst = 0;
    expect(await drainOutbox(db, smtpTransport(url, { pool: false }))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(received.map((r) => r.to)).toEqual(["bob@example.com"]);
  });

  it("two workers draining at once send each mail once", async () => {
    received.length = 0;
    await db.delete(outbox);
    for (let i = 0; i < 12; i++) await queueMail(db, { to: `c${i}@example.com`, subject: `Mail ${i}`, content: { preview: "p", heading: "Hi", paragraphs: [`Mail ${i}`] } });
    const [a, b] = await Promise.all([drainOutbox(db, smtpTransport(url, { pool: false }), { batch: 3 }), drainOutbox(db, smtpTransport(url, { pool: false }), { batch: 3 })]);
    expect(a.sent + b.sent).toBe(12);
    expect(received).toHaveLength(12);
    expect(new Set(received.map((r) => r.to)).size).toBe(12);
  });
});
