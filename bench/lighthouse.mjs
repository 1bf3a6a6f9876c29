import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

/**
 * (b) Lighthouse mobile (default config: phone emulation, simulated slow 4G) for home, category and
 * product, against the sign-in page (the shop shell with almost no content) as the same-run baseline.
 */
export const PAGES = [
  ["shell baseline (/sign-in)", "/sign-in"],
  ["home", "/"],
  ["category", "/category/lighting"],
  ["product", "/product/white-hanging-heart-t-light-holder-85123a"],
];

export async function lighthouseScores(base) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const rows = [];
  try {
    for (const [name, path] of PAGES) {
      const result = await lighthouse(base + path, { port: chrome.port, output: "json", logLevel: "error", formFactor: "mobile" });
      const c = result.lhr.categories;
      const a = result.lhr.audits;
      rows.push({
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
  } finally {
    await chrome.kill();
  }
  const base0 = rows[0].performance;
  return rows.map((r) => ({ ...r, ratio: r.performance / base0 }));
}
