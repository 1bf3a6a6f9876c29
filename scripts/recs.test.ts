import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The offline CLI end to end on a fixture whose metrics were worked out by hand
 * (lib/recs/fixtures/eval.csv; before 2011-07-01, customers × products X=20001 Y=20002 Z=20003 W=20004):
 *   10001 X Y · 10002 X Y Z · 10003 X Z · 10004 Y · 10005 X W · 10007 X Z · 10008 Y · 10009 X
 *   (a postage line, a cancellation and a guest order for V=20005 must all be ignored)
 * After the split, new products per returning customer: 10001 {Q} (never seen: a miss for all),
 * 10003 {Y}, 10004 {X, Q}, 10005 {Z}. 10002 only rebuys X and 10006 is new: not evaluated.
 * Co-occurrences XY=2 XZ=3 XW=1 YZ=1; popularity X6 Y4 Z3 W1. With k = 2:
 *   10003 → [Y, W] (every model), hit at rank 1
 *   10004 → [X, Z] (every model), 1 of 2 found at rank 1: NDCG 1 / (1 + 1/log2 3) = 0.6131
 *   10005 → EASE, kNN [Z, Y] (Z co-occurs 3× with X): NDCG 1; popularity [Y, Z]: 1/log2 3 = 0.6309
 * HitRate 3/4, Recall (0 + 1 + ½ + 1)/4 = 0.625, NDCG (0 + 1 + 0.6131 + 1)/4 = 0.6533 (popularity 0.5610),
 * coverage 4 of 4 products (5 if the guest's product leaked in).
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const fixture = path.join(root, "lib/recs/fixtures/eval.csv");
const cli = (...args: string[]) => run(path.join(root, "node_modules/.bin/tsx"), ["scripts/recs.ts", ...args], { cwd: root });

function table(stdout: string) {
  const rows = new Map<string, number[]>();
  for (const line of stdout.split("\n")) {
    const cells = line
      .split("|")
      .map((c) => c.trim())
      .filter(Boolean);
    if (cells.length === 6 && /^\d/.test(cells[1]!)) rows.set(cells[0]!, cells.slice(1, 5).map(Number));
  }
  return rows;
}

describe("npm run recs:eval", () => {
  it("reports the hand-computed HitRate, Recall, NDCG and coverage for every model", async () => {
    const { stdout } = await cli("eval", "--orders", fixture, "--split-date", "2011-07-01", "--k", "2");
    expect(stdout).toContain("8 customers and 4 products before it; 4 returning customers");
    const rows = table(stdout);
    expect([...rows.keys()]).toEqual(["EASE", "item-kNN", "popularity"]);
    const ndcg = (0 + 1 + 1 / (1 + 1 / Math.log2(3)) + 1) / 4;
    const popNdcg = (0 + 1 + 1 / (1 + 1 / Math.log2(3)) + 1 / Math.log2(3)) / 4;
    for (const [model, [hr, recall, n, coverage]] of rows) {
      expect(hr).toBeCloseTo(0.75, 4);
      expect(recall).toBeCloseTo(0.625, 4);
      expect(n).toBeCloseTo(model === "popularity" ? popNdcg : ndcg, 4);
      expect(coverage).toBeCloseTo(1, 4);
    }
  });

  it("refuses a bad date and a split that leaves nobody to score", async () => {
    await expect(cli("eval", "--orders", fixture, "--split-date", "1.7.2011")).rejects.toMatchObject({ stderr: expect.stringContaining("YYYY-MM-DD") });
    await expect(cli("eval", "--orders", fixture, "--split-date", "2012-01-01")).rejects.toMatchObject({ stderr: expect.stringContaining("pick an earlier date") });
  });
});

describe("npm run recs", () => {
  it("writes k products per customer in the file, none of them bought before", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "recs-")), "recs.csv");
    await cli("recommend", "--orders", fixture, "--out", out, "--k", "2");
    const [header, ...lines] = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(header).toBe("customer_id,rank,stock_code");
    const byCustomer = new Map<string, string[]>();
    for (const l of lines) {
      const [c, rank, code] = l.split(",");
      const list = byCustomer.get(c!) ?? byCustomer.set(c!, []).get(c!)!;
      expect(Number(rank)).toBe(list.length + 1);
      list.push(code!);
    }
    // Nine customers with a customer id; the guest order has none.
    expect([...byCustomer.keys()].sort()).toEqual(["10001", "10002", "10003", "10004", "10005", "10006", "10007", "10008", "10009"]);
    const bought: Record<string, string[]> = { "10001": ["20001", "20002", "20009"], "10002": ["20001", "20002", "20003"], "10004": ["20002", "20001", "20009"] };
    for (const [c, list] of byCustomer) {
      expect(list).toHaveLength(2);
      for (const code of bought[c] ?? []) expect(list).not.toContain(code);
      expect(list).not.toContain("20005"); // only a guest bought it
      expect(list).not.toContain("POST");
    }
    // 10008 bought only Y; over the whole file Y co-occurs most with X (10001, 10002, 10004).
    expect(byCustomer.get("10008")![0]).toBe("20001");
  });
});
