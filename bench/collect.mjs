import autocannon from "autocannon";

/**
 * Event ingest over HTTP: events per second through Segment's /v1/batch (write key, 100 events a
 * request) and the shop's own beacon endpoint (20 page events a request), against the static
 * route of the same server in the same run.
 */
async function run(opts) {
  const r = await autocannon({ connections: 10, duration: opts.duration, pipelining: 1, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

export async function collectThroughput(base, writeKey, { duration = 10 } = {}) {
  const sourceBatch = JSON.stringify({
    batch: Array.from({ length: 100 }, (_, i) => ({
      type: "track",
      event: "Product Viewed",
      anonymousId: `bench-anon-${String(i).padStart(8, "0")}`,
      properties: { product_id: i, price: 2.5 },
      context: { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile" },
    })),
  });
  const beaconBatch = JSON.stringify({ batch: Array.from({ length: 20 }, (_, i) => ({ type: "page", name: "Home", properties: { path: `/p/${i}` } })) });
  const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
  // Warm-up, and a check that the events are accepted rather than refused.
  const check = await fetch(`${base}/v1/batch`, { method: "POST", headers: { "content-type": "application/json", authorization: auth }, body: sourceBatch });
  if (!check.ok) throw new Error(`/v1/batch answered ${check.status}: ${await check.text()}`);
  const staticRun = await run({ url: `${base}/manifest.webmanifest`, duration });
  const v1 = await run({ url: `${base}/v1/batch`, method: "POST", headers: { "content-type": "application/json", authorization: auth }, body: sourceBatch, duration });
  const beacon = await run({
    url: `${base}/api/collect`,
    method: "POST",
    body: beaconBatch,
    duration,
    headers: {
      "content-type": "text/plain",
      cookie: "hearth_aid=benchbrowser000000000001; hearth_consent=v1.1.1.1764000000",
      "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile",
    },
  });
  return [
    { name: "static baseline (/manifest.webmanifest)", perRequest: 0, ...staticRun, ratio: 1 },
    { name: "Segment API /v1/batch (100 events)", perRequest: 100, ...v1, ratio: v1.rps / staticRun.rps },
    { name: "beacon /api/collect (20 events)", perRequest: 20, ...beacon, ratio: beacon.rps / staticRun.rps },
  ];
}
