import { pathToFileURL } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

/**
 * (b) Lighthouse mobile (default config: phone emulation, simulated slow 4G) for home, category,
 * product, search and cart, against the sign-in page (the shop shell with almost no content) as the
 * same-run baseline. Each page is measured LIGHTHOUSE_RUNS times (default 3) and the run with the
 * median performance score is reported. A first visit: no cookies, so the consent banner shows.
 * Standalone: `node bench/lighthouse.mjs` against a built and seeded store (as for npm start).
 */
export const PAGES = [
  ["shell baseline (/sign-in)", "/sign-in"],
  ["home", "/"],
  ["category", "/category/lighting"],
  ["product", "/product/white-hanging-heart-t-light-holder-85123a"],
  ["search", "/search?q=lantern"],
  ["cart (empty)", "/cart"],
];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

export async function lighthouseScores(base) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const rows = [];
  try {
    for (const [name, path] of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error", formFactor: "mobile" });
        const c = result.lhr.categories;
        const a = result.lhr.audits;
        runs.push({
          name,
          path,
          performance: Math.round(c.performance.score * 100),
          accessibility: Math.round(c.accessibility.score * 100),
          bestPractices: Math.round(c["best-practices"].score * 100),
          seo: Math.round(c.seo.score * 100),
          lcp: a["largest-contentful-paint"].numericValue,
          cls: a["cumulative-layout-shift"].numericValue,
          tbt: a["total-blocking-time"].numericValue,
        });
      }
      runs.sort((x, y) => x.performance - y.performance);
      rows.push({ ...runs[Math.floor((runs.length - 1) / 2)], scores: runs.map((r) => r.performance) });
    }
  } finally {
    await chrome.kill();
  }
  const base0 = rows[0].performance;
  return rows.map((r) => ({ ...r, ratio: r.performance / base0 }));
}

/** The table run-all.mjs writes to RESULTS.md, also printed by the standalone run. */
export function lighthouseTable(rows) {
  const out = [
    `| page | performance (median of ${RUNS}) | all runs | accessibility | best practices | SEO | LCP | CLS | TBT | performance ratio to shell |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows)
    out.push(
      `| ${r.name} | ${r.performance} | ${r.scores.join(", ")} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${(r.lcp / 1000).toFixed(2)} s | ${r.cls.toFixed(3)} | ${r.tbt.toFixed(0)} ms | ${r.ratio.toFixed(2)}× |`,
    );
  return out.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { startServer } = await import("./server.mjs");
  const server = await startServer(Number(process.env.BENCH_PORT ?? 3600), { HEARTH_JOBS: "off" });
  try {
    console.log(lighthouseTable(await lighthouseScores(server.url)));
  } finally {
    await server.stop();
  }
}
