/**
 * (e) CDP: server-side capture throughput, and profile + segment recompute time at the seeded size
 * and with 1M synthetic events, on PGlite and PostgreSQL. Baselines from the same run: a plain
 * INSERT of the same rows into an unindexed copy of the events table (for capture), and one
 * GROUP BY over the tables the job reads (for recompute). Prints a markdown section.
 */
import { DEMO_HISTORY_FILE } from "@/lib/import/read";
import path from "node:path";
import { sql } from "drizzle-orm";
import { serverEvent } from "@/lib/cdp/track/capture";
import { recomputeAll, refreshCustomers } from "@/lib/cdp/audience/refresh";
import { writeEvents } from "@/lib/cdp/collect/write";
import { fmt, freshDatabase, importHistory, ratio, timeMany } from "./util";

const FILE = path.resolve(process.argv[2] ?? DEMO_HISTORY_FILE);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CAPTURE = 50_000;

async function median(n: number, fn: () => Promise<unknown>) {
  return (await timeMany(n, fn)).p50;
}

async function run(driver: "pglite" | "postgres") {
  const cleanup = await freshDatabase(driver);
  try {
    const db = await importHistory(FILE);
    const { rows: cust } = await db.execute<{ id: number }>(sql`select id from users where role = 'customer' order by id`);
    const ids = cust.map((r) => r.id);

    // Capture: the buffer's batches of 500 through writeEvents vs a plain insert of the same rows.
    const make = (i: number) =>
      serverEvent({ event: "Product Viewed", userId: ids[i % ids.length], deviceType: i % 3 ? "mobile" : "desktop", properties: { product_id: i % 3000, price: 2.5 } });
    await db.execute(sql`create table bench_plain_events (like cdp_events including defaults)`);
    await db.execute(sql`alter table bench_plain_events alter column id drop default`);
    const batch = 500;
    let t = performance.now();
    for (let s = 0; s < CAPTURE; s += batch)
      await writeEvents(
        db,
        Array.from({ length: batch }, (_, k) => make(s + k)),
      );
    const captureMs = performance.now() - t;
    t = performance.now();
    for (let s = 0; s < CAPTURE; s += batch) {
      const rows = Array.from({ length: batch }, (_, k) => make(s + k));
      await db.execute(sql`insert into bench_plain_events (id, message_id, type, event, category, user_id, device_type, context, properties, "timestamp")
        select * from json_to_recordset(${JSON.stringify(rows.map((r, k) => ({ id: s + k, message_id: r.messageId, type: r.type, event: r.event, category: r.category, user_id: r.userId, device_type: r.deviceType, context: r.context, properties: r.properties, timestamp: r.timestamp })))}::json)
        as x(id bigint, message_id text, type cdp_event_type, event text, category cdp_event_category, user_id int, device_type text, context jsonb, properties jsonb, "timestamp" timestamptz)`);
    }
    const plainMs = performance.now() - t;

    // The floor any recompute pays: one pass over orders and one over events, grouped by customer.
    const aggregate = async () => {
      await db.execute(sql`select user_id, count(*), sum(total_pence), max(placed_at) from orders where user_id is not null group by user_id`);
      await db.execute(sql`select user_id, count(*), max("timestamp") from cdp_events where user_id is not null group by user_id`);
    };
    const seededJob = await median(3, () => recomputeAll(db));
    const seededBase = await median(3, aggregate);

    // 1M synthetic events spread over the customers, the last two years, three devices.
    t = performance.now();
    const step = 200_000;
    for (let s = 0; s < EVENTS - CAPTURE; s += step) {
      const n = Math.min(step, EVENTS - CAPTURE - s);
      await db.execute(sql`
        insert into cdp_events (message_id, type, event, category, user_id, device_type, context, properties, "timestamp")
        select 'synthetic:' || ${s} || ':' || g, 'track', (array['Product Viewed','Products Searched','Product Added','Checkout Started'])[1 + g % 4], 'analytics',
          (${`{${ids.join(",")}}`}::int[])[1 + (g * 7919) % ${ids.length}], (array['mobile','mobile','desktop','tablet'])[1 + g % 4], '{}'::jsonb,
          jsonb_build_object('product_id', g % 3000), now() - make_interval(secs => (g * 61) % (730 * 86400))
        from generate_series(1, ${n}) g`);
    }
    const generateMs = performance.now() - t;
    const { rows: cnt } = await db.execute<{ n: number }>(sql`select count(*)::int as n from cdp_events`);
    const bigJob = await median(3, () => recomputeAll(db));
    const bigBase = await median(3, aggregate);
    const one = await timeMany(30, (i) => refreshCustomers(db, [ids[(i * 97) % ids.length]!]));
    const read = await timeMany(30, (i) => db.execute(sql`select * from cdp_profiles where user_id = ${ids[(i * 97) % ids.length]!}`));
    return { driver, customers: ids.length, captureMs, plainMs, seededJob, seededBase, events: cnt[0]!.n, generateMs, bigJob, bigBase, one, read };
  } finally {
    await cleanup();
  }
}

const results = [];
for (const d of ["pglite", "postgres"] as const) {
  console.error(`bench: cdp on ${d}`);
  results.push(await run(d));
}
const out = [
  "### (e) CDP: event capture and profile/segment recompute",
  "",
  `Server-side capture: ${CAPTURE.toLocaleString("en-GB")} events written as the write buffer does (batches of 500, de-duplicated by message id, identities resolved) against a plain INSERT of the same rows into an unindexed copy of the table. Recompute: \`npm run cdp:recompute\` (every profile, RFM cut points, all built-in segments) against the two GROUP BYs it cannot avoid (orders and events per customer), both at the seeded size and with ${(EVENTS / 1e6).toFixed(1)}M events. One customer: the refresh after their order/delivery/rating, against a profile read by key.`,
  "",
  "| driver | customers | capture events/s | ratio to plain insert | recompute, seeded | ratio to GROUP BY | events | recompute with events | ratio to GROUP BY | one customer p50 / p95 | ratio to read |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...results.map(
    (r) =>
      `| ${r.driver} | ${r.customers} | ${Math.round((CAPTURE / r.captureMs) * 1000).toLocaleString("en-GB")} | ${ratio(r.captureMs, r.plainMs)} slower | ${fmt(r.seededJob)} | ${ratio(r.seededJob, r.seededBase)} | ${r.events.toLocaleString("en-GB")} | ${fmt(r.bigJob)} | ${ratio(r.bigJob, r.bigBase)} | ${fmt(r.one.p50)} / ${fmt(r.one.p95)} | ${ratio(r.one.p50, r.read.p50)} |`,
  ),
  "",
  `(Generating the synthetic events took ${results.map((r) => `${(r.generateMs / 1000).toFixed(1)} s on ${r.driver}`).join(", ")}.)`,
];
console.log(out.join("\n"));
