import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { PER_PAGE } from "./params";
import { correctWords, editDistance, MATCH_CAP, pickCorrection, searchProducts } from "./search";

let db: Db;

beforeAll(async () => {
  db = await createTestDb();
  await insertProducts(db, [
    { sku: "10001", title: "Glass Candle Holder", category: "candles-fragrance", pricePence: 450, unitsSold: 10 },
    { sku: "10002", title: "Zinc Candle Holder Heart", category: "candles-fragrance", pricePence: 395, unitsSold: 300 },
    { sku: "10003", title: "Scented Candle Rose", category: "candles-fragrance", pricePence: 295, unitsSold: 50 },
    { sku: "10004", title: "White Metal Lantern", category: "lighting", pricePence: 339, unitsSold: 1000 },
    { sku: "10005", title: "Pink Card Holder", category: "gifts-wrap", pricePence: 125, unitsSold: 900 },
    // "candle" only in the description: must rank below title matches.
    { sku: "10006", title: "Wooden Tray", category: "kitchen-dining", pricePence: 800, unitsSold: 5000, description: "A tray for a candle or two." },
    { sku: "10007", title: "Archived Candle Holder", category: "candles-fragrance", pricePence: 100, status: "archived" },
    { sku: "10008", title: "Draft Candle Holder", category: "candles-fragrance", pricePence: 100, status: "draft" },
    { sku: "85123A", title: "White Hanging Heart T-Light Holder", category: "candles-fragrance", pricePence: 255, unitsSold: 20000 },
    ...Array.from({ length: 30 }, (_, i) => ({
      sku: `2${String(i).padStart(4, "0")}`,
      title: `Christmas Bauble No ${i + 1}`,
      category: "seasonal",
      pricePence: 100 + i,
      unitsSold: i,
    })),
  ]);
});
afterAll(dropTestDb);

describe("search", () => {
  it("finds a product despite a typo and says what it searched for", async () => {
    const r = await searchProducts(db, "candel holder");
    expect(r.corrected).toBe("candle holder");
    expect(r.mode).toBe("all-words");
    // Both candle holders by title first; the T-light holder (a candle holder by category) after them.
    expect(
      r.items
        .map((p) => p.sku)
        .slice(0, 2)
        .sort(),
    ).toEqual(["10001", "10002"]);
    expect(r.items.map((p) => p.sku)).toEqual(expect.arrayContaining(["85123A"]));
    expect(r.items.map((p) => p.sku)).not.toContain("10005");
  });

  it("matches plurals and other word forms without correcting them", async () => {
    const r = await searchProducts(db, "lanterns");
    expect(r.corrected).toBeNull();
    expect(r.items.map((p) => p.sku)).toEqual(["10004"]);
  });

  it("ranks title matches above description-only matches, whatever their popularity", async () => {
    const r = await searchProducts(db, "candle");
    const skus = r.items.map((p) => p.sku);
    expect(skus).toContain("10006");
    expect(skus.indexOf("10006")).toBe(skus.length - 1);
  });

  it("finds 'tea light' in T-Light titles", async () => {
    const r = await searchProducts(db, "tea light holder");
    expect(r.items[0]?.sku).toBe("85123A");
  });

  it("never shows archived or draft products", async () => {
    const r = await searchProducts(db, "candle holder");
    expect(r.items.map((p) => p.sku)).not.toContain("10007");
    expect(r.items.map((p) => p.sku)).not.toContain("10008");
  });

  it("falls back to any word when no product has them all", async () => {
    const r = await searchProducts(db, "rose lantern");
    expect(r.mode).toBe("any-word");
    expect(r.items.map((p) => p.sku).sort()).toEqual(["10003", "10004"]);
  });

  it("finds a product by its code", async () => {
    const r = await searchProducts(db, "85123a");
    expect(r.items[0]?.sku).toBe("85123A");
  });

  it("returns nothing, without error, for garbage and empty queries", async () => {
    for (const q of ["xqzvwk", "", "   ", "%%%___", "'; drop table products; --", "a".repeat(500)]) {
      const r = await searchProducts(db, q);
      expect(r.total).toBe(0);
      expect(r.items).toEqual([]);
    }
  });

  it("pages results and clamps a page past the end", async () => {
    const p1 = await searchProducts(db, "christmas bauble");
    expect(p1.total).toBe(30);
    expect(p1.items).toHaveLength(PER_PAGE);
    const p2 = await searchProducts(db, "christmas bauble", 2);
    expect(p2.items).toHaveLength(30 - PER_PAGE);
    expect(new Set([...p1.items, ...p2.items].map((p) => p.id)).size).toBe(30);
    const far = await searchProducts(db, "christmas bauble", 9999);
    expect(far.page).toBe(2);
  });

  it("caps a broad search, still ranks the best seller first and pages without overlap", async () => {
    // Written last, so the index yields it after the cap has been reached.
    const many = Array.from({ length: MATCH_CAP + 100 }, (_, i) => ({
      sku: `S${String(i).padStart(5, "0")}`,
      title: `Brass Wall Sconce ${i + 1}`,
      category: "lighting",
      pricePence: 1000,
      unitsSold: 1,
    }));
    await insertProducts(db, [...many, { sku: "S99999", title: "Brass Wall Sconce Favourite", category: "lighting", pricePence: 2500, unitsSold: 90000 }]);
    const p1 = await searchProducts(db, "sconce");
    expect(p1.capped).toBe(true);
    expect(p1.total).toBeGreaterThan(MATCH_CAP);
    expect(p1.total).toBeLessThan(MATCH_CAP + 100);
    expect(p1.items[0]?.sku).toBe("S99999");
    const p2 = await searchProducts(db, "sconce", 2);
    expect(p2.items).toHaveLength(PER_PAGE);
    expect(new Set([...p1.items, ...p2.items].map((p) => p.id)).size).toBe(2 * PER_PAGE);
    const last = await searchProducts(db, "sconce", 9999);
    expect(last.page).toBe(p1.pageCount);
    // A narrow search is not capped and counts exactly.
    expect((await searchProducts(db, "sconce favourite")).total).toBe(1);
    expect((await searchProducts(db, "sconce favourite")).capped).toBe(false);
  });

  it("leaves known words, numbers and unknown words without neighbours as typed", async () => {
    expect(await correctWords(db, ["heart", "2011", "qqqqqq", "chrismas"])).toEqual(["heart", "2011", "qqqqqq", "christmas"]);
  });
});

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("lihgt", "light")).toBe(1);
    expect(editDistance("candel", "candle")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("prefers the closer, then the commoner word, within an edit budget", () => {
    expect(
      pickCorrection("hart", [
        { word: "hare", documents: 2 },
        { word: "heart", documents: 200 },
      ]),
    ).toBe("heart");
    expect(
      pickCorrection("candel", [
        { word: "cand", documents: 1 },
        { word: "candle", documents: 90 },
      ]),
    ).toBe("candle");
    expect(
      pickCorrection("cat", [
        { word: "coat", documents: 1 },
        { word: "cart", documents: 3 },
      ]),
    ).toBe("cart");
    expect(pickCorrection("zebra", [{ word: "bread", documents: 100 }])).toBeNull();
    expect(pickCorrection("table", [{ word: "bauble", documents: 100 }])).toBeNull();
    expect(pickCorrection("chirstmas", [{ word: "christmas", documents: 100 }])).toBe("christmas");
  });
});
