import autocannon from "autocannon";

/**
 * (a) Requests per second of the home, category and product pages against a static route of the
 * same server (the prerendered web manifest) in the same run. Pages are rendered per request
 * (CSP nonce) over the cached catalog reads.
 */
export const TARGETS = [
  ["static baseline (/manifest.webmanifest)", "/manifest.webmanifest"],
  ["home", "/"],
  ["category", "/category/lighting"],
  ["product", "/product/white-hanging-heart-t-light-holder-85123a"],
];

async function run(url, duration) {
  const r = await autocannon({ url, connections: 10, duration, pipelining: 1 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

export async function throughput(base, { duration = 10 } = {}) {
  // Warm up every route (first renders fill the data cache).
  for (const [, path] of TARGETS) for (let i = 0; i < 5; i++) await fetch(base + path).then((r) => r.arrayBuffer());
  const rows = [];
  let baseline;
  for (const [name, path] of TARGETS) {
    const r = await run(base + path, duration);
    baseline ??= r.rps;
    rows.push({ name, path, ...r, ratio: r.rps / baseline });
  }
  return rows;
}
