#!/usr/bin/env node
/**
 * What a phone downloads per page (node bench/page-weight.mjs, against a built and seeded store:
 * PGLITE_DIR or DATABASE_URL as for npm start). For each page: the raw HTML, the share of it that is
 * the inline RSC payload, product cards, and the first-load scripts a modern browser fetches (module
 * and classic <script src>, not noModule) gzipped. Ratios against the sign-in page (the lightest
 * page, in the same run) and against issue 17's goals (home HTML ≤ 80 KB, scripts ≤ 120 KB gzipped).
 */
import { gzipSync } from "node:zlib";
import { startServer } from "./server.mjs";

const PAGES = ["/sign-in", "/", "/category/candles-fragrance", "/product/white-hanging-heart-t-light-holder-85123a", "/search?q=lantern", "/cart"];
const server = await startServer(Number(process.env.BENCH_PORT ?? 3600), { HEARTH_JOBS: "off" });
const consent = { cookie: "hearth_consent=v1.1.1.1764000000" };
const scriptSizes = new Map();

async function scriptBytes(src) {
  if (!scriptSizes.has(src)) {
    const body = Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer());
    scriptSizes.set(src, gzipSync(body).length);
  }
  return scriptSizes.get(src);
}

const rows = [];
try {
  for (const path of PAGES) {
    const html = await (await fetch(`${server.url}${path}`, { headers: consent })).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]), 0);
    const srcs = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1])
      .filter((a) => /\bsrc=/.test(a) && !/\bnoModule\b/i.test(a))
      .map((a) => /\bsrc="([^"]+)"/.exec(a)[1]);
    let gz = 0;
    for (const s of new Set(srcs)) gz += await scriptBytes(s);
    rows.push({ path, html: Buffer.byteLength(html), inline, cards: (html.match(/data-testid="product-card"/g) ?? []).length, scripts: new Set(srcs).size, gz });
  }
} finally {
  await server.stop();
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const base = rows[0];
console.log(`\n### Page weight (bench/page-weight.mjs, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)\n`);
console.log(
  "| page | HTML | inline RSC/scripts | share inline | product cards | HTML per card | first-load scripts | gzipped | HTML ratio to sign-in | script ratio to 120 KB goal |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of rows)
  console.log(
    `| ${r.path} | ${kb(r.html)} | ${kb(r.inline)} | ${((100 * r.inline) / r.html).toFixed(0)}% | ${r.cards} | ${r.cards ? kb((r.html - base.html) / r.cards) : "—"} | ${r.scripts} | ${kb(r.gz)} | ${(r.html / base.html).toFixed(2)}× | ${(r.gz / (120 * 1024)).toFixed(2)}× |`,
  );
