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

async function run(url, duration, headers = {}) {
  const r = await autocannon({ url, connections: 10, duration, pipelining: 1, headers });
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

/**
 * (a2) The home page as a signed-in customer of the personalized store (For you, exclusive deals,
 * recently viewed) against the same static route and the anonymous home page, in the same run.
 * `cookie` carries the customer's session and consent.
 */
export async function personalizedThroughput(base, cookie, { duration = 10 } = {}) {
  const html = await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.text());
  if (!html.includes('data-rec-surface="for_you"') || !html.includes('data-testid="my-deals"')) {
    throw new Error("the benchmark customer did not get the personalized home page");
  }
  for (let i = 0; i < 5; i++) await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const stat = await run(`${base}/manifest.webmanifest`, duration);
  const anon = await run(`${base}/`, duration);
  const mine = await run(`${base}/`, duration, { cookie });
  return [
    { name: "static baseline (/manifest.webmanifest)", ...stat, ratio: 1, toAnon: NaN },
    { name: "home, visitor (Trending)", ...anon, ratio: anon.rps / stat.rps, toAnon: 1 },
    { name: "home, signed-in customer (For you, deals)", ...mine, ratio: mine.rps / stat.rps, toAnon: mine.rps / anon.rps },
  ];
}
