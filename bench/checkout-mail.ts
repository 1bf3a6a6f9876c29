/**
 * (j) Checkout with a code and the outbox worker, in-process on both drivers:
 *   - placeOrder p50/p95 for a guest typing a promo code vs a signed-in customer without one
 *     (the baseline, same run, same basket);
 *   - the outbox worker's throughput through a real SMTP server (smtp-server on loopback) vs the
 *     same drain with a transport that does nothing (the database's share of the cost).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { deals, users } from "@/db/schema";
import { addItem, cartIdForUser, createCart, setCartCode } from "@/lib/cart/store";
import { placeOrder } from "@/lib/checkout/place-order";
import { getDb, type Db } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";
import { queueMail } from "@/lib/mail";
import { drainOutbox, smtpTransport } from "@/lib/mail/worker";
import { insertProducts } from "@/lib/testing/catalog";
import { fmt, freshDatabase, percentile, ratio } from "./util";

const ORDERS = Number(process.env.BENCH_CHECKOUT_ORDERS ?? 60);
const MAILS = Number(process.env.BENCH_MAILS ?? 300);
const address = { name: "Bea Bench", line1: "1 High Street", line2: "", city: "London", postcode: "SW1A 1AA", country: "GB" as const, phone: "07700 900000" };

async function checkout(db: Db) {
  const products = await insertProducts(
    db,
    Array.from({ length: 20 }, (_, i) => ({ sku: `B${i}`, title: `Bench Lantern ${i}`, category: "lighting", pricePence: 1500 + i * 10, stock: 1_000_000 })),
  );
  await db.insert(deals).values({ code: "BENCH10", name: "10% off", type: "percent_off", value: 10, requiresCode: true, perCustomerLimit: 1 });
  let key = 0;
  const basket = async (cartId: string, i: number) => {
    await addItem(db, cartId, products[i % 20]!.id, 1);
    await addItem(db, cartId, products[(i + 7) % 20]!.id, 2);
  };
  // Only placeOrder is timed: the cart is filled before the clock starts.
  const timed = async (setup: (i: number) => Promise<Parameters<typeof placeOrder>[1]>) => {
    const ms: number[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const input = await setup(i);
      const t = performance.now();
      await placeOrder(db, input);
      ms.push(performance.now() - t);
    }
    ms.sort((x, y) => x - y);
    return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
  };
  const signedIn = await timed(async (i) => {
    const [u] = await db
      .insert(users)
      .values({ email: `member${i}@bench.example` })
      .returning({ id: users.id });
    const cartId = await cartIdForUser(db, u!.id);
    await basket(cartId, i);
    return {
      userId: u!.id,
      email: `member${i}@bench.example`,
      cartId,
      address,
      method: "bike",
      payment: "cod",
      idempotencyKey: `bench-member-${++key}-abcdef`,
      saveAddress: false,
      makeEcoDefault: false,
    };
  });
  const guest = await timed(async (i) => {
    const cartId = await createCart(db);
    await basket(cartId, i);
    await setCartCode(db, cartId, "BENCH10");
    return {
      userId: null,
      email: `guest${i}@bench.example`,
      cartId,
      address,
      method: "bike",
      payment: "cod",
      idempotencyKey: `bench-guest-${++key}-abcdef`,
      saveAddress: false,
      makeEcoDefault: false,
    };
  });
  return { signedIn, guest };
}

async function outbox(db: Db, smtpUrl: string) {
  const fill = async (tag: string) => {
    for (let i = 0; i < MAILS; i++)
      await queueMail(db, {
        to: `c${i}@bench.example`,
        subject: `${tag} ${i}`,
        content: { preview: "p", heading: "Your order", paragraphs: [`Mail ${i}`], button: { label: "View", href: "http://localhost/x" } },
      });
  };
  await fill("noop");
  let t = performance.now();
  const base = await drainOutbox(db, { send: async () => {} });
  const baseMs = performance.now() - t;
  await fill("smtp");
  t = performance.now();
  const smtp = smtpTransport(smtpUrl); // pooled, as the worker's
  const real = await drainOutbox(db, smtp);
  const realMs = performance.now() - t;
  smtp.close();
  return { base: { sent: base.sent, perSecond: (base.sent / baseMs) * 1000 }, real: { sent: real.sent, perSecond: (real.sent / realMs) * 1000 } };
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  disableReverseLookup: true,
  logger: false,
  onData: (s, _session, done) => s.on("data", () => {}).on("end", () => done()),
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

const out = [
  `### (j) Checkout with a code, and the outbox worker (in-process; ${ORDERS} orders of 3 items per kind, ${MAILS} mails per drain)`,
  "",
  "Checkout baseline: a signed-in customer without a code placing the same basket in the same run (the guest also has the code checked, priced and redeemed under the deal's lock). Outbox baseline: the same drain with a transport that sends nothing, so the ratio is what SMTP (a real `smtp-server` on loopback, through the worker's pooled connection) costs on top of claiming and marking rows.",
  "",
  "| driver | signed-in p50 | signed-in p95 | guest + code p50 | guest + code p95 | p95 ratio | outbox, no-op transport | outbox, SMTP | SMTP ratio |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
];
for (const driver of ["pglite", "postgres"] as const) {
  const cleanup = await freshDatabase(driver);
  try {
    await runMigrations();
    const db = await getDb();
    const c = await checkout(db);
    const o = await outbox(db, smtpUrl);
    out.push(
      `| ${driver === "pglite" ? "PGlite" : "PostgreSQL"} | ${fmt(c.signedIn.p50)} | ${fmt(c.signedIn.p95)} | ${fmt(c.guest.p50)} | ${fmt(c.guest.p95)} | ${ratio(c.guest.p95, c.signedIn.p95)} | ${o.base.perSecond.toFixed(0)} mails/s | ${o.real.perSecond.toFixed(0)} mails/s | ${ratio(o.real.perSecond, o.base.perSecond)} |`,
    );
  } finally {
    await cleanup();
  }
}
await new Promise<void>((resolve) => server.close(() => resolve()));
console.log(out.join("\n"));
