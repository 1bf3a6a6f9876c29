import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { findBestsellers, findCategories, findNewIn, findProductBySlug, findProducts, findRelated } from "./listing";
import { parseListingParams, PER_PAGE } from "./params";

let db: Db;
const params = (sp: Record<string, string> = {}) => parseListingParams(sp);

beforeAll(async () => {
  db = await createTestDb();
  await insertProducts(db, [
    { sku: "1", title: "Red Metal Lantern", category: "lighting", pricePence: 1000, unitsSold: 5, launchedAt: new Date("2011-05-01") },
    { sku: "2", title: "Blue Glass Lantern", category: "lighting", pricePence: 2000, unitsSold: 50, launchedAt: new Date("2011-01-01") },
    { sku: "3", title: "Red and White Fairy Lights", category: "lighting", pricePence: 500, unitsSold: 500, stock: 0 },
    { sku: "4", title: "Green Lamp", category: "lighting", pricePence: 4500, unitsSold: 1 },
    { sku: "5", title: "Red Cushion", category: "textiles", pricePence: 1500, unitsSold: 20 },
    { sku: "6", title: "Archived Red Lantern", category: "lighting", pricePence: 100, status: "archived" },
    ...Array.from({ length: 30 }, (_, i) => ({ sku: `m${i}`, title: `Mug Design ${i}`, category: "kitchen-dining", pricePence: 300 + i })),
  ]);
});
afterAll(dropTestDb);

describe("listing a category", () => {
  it("lists only active products of the category, most popular first", async () => {
    const l = await findProducts(db, { ...params(), category: "lighting" });
    expect(l.items.map((p) => p.sku)).toEqual(["3", "2", "1", "4"]);
    expect(l.total).toBe(4);
  });

  it("filters by colour and still counts the other colours", async () => {
    const l = await findProducts(db, { ...params({ color: "red" }), category: "lighting" });
    expect(l.items.map((p) => p.sku).sort()).toEqual(["1", "3"]);
    const counts = Object.fromEntries(l.facets.colors.map((c) => [c.value, c.count]));
    expect(counts).toEqual({ red: 2, blue: 1, green: 1, white: 1 });
  });

  it("filters several colours as any-of", async () => {
    const l = await findProducts(db, { ...params({ color: "blue,green" }), category: "lighting" });
    expect(l.items.map((p) => p.sku).sort()).toEqual(["2", "4"]);
  });

  it("filters by price range in pounds, inclusive", async () => {
    const l = await findProducts(db, { ...params({ min: "5", max: "20" }), category: "lighting" });
    expect(l.items.map((p) => p.sku).sort()).toEqual(["1", "2", "3"]);
    expect(l.facets.price).toEqual({ minPence: 500, maxPence: 4500 });
  });

  it("filters to in-stock products", async () => {
    const l = await findProducts(db, { ...params({ inStock: "1" }), category: "lighting" });
    expect(l.items.map((p) => p.sku)).not.toContain("3");
  });

  it("counts categories with the other filters applied", async () => {
    const l = await findProducts(db, params({ color: "red" }));
    const counts = Object.fromEntries(l.facets.categories.map((c) => [c.slug, c.count]));
    expect(counts.lighting).toBe(2);
    expect(counts.textiles).toBe(1);
    expect(counts["kitchen-dining"]).toBe(0);
  });

  it("sorts by price both ways, by name and by newest", async () => {
    const asc = await findProducts(db, { ...params({ sort: "price-asc" }), category: "lighting" });
    expect(asc.items.map((p) => p.pricePence)).toEqual([500, 1000, 2000, 4500]);
    const desc = await findProducts(db, { ...params({ sort: "price-desc" }), category: "lighting" });
    expect(desc.items.map((p) => p.pricePence)).toEqual([4500, 2000, 1000, 500]);
    const name = await findProducts(db, { ...params({ sort: "name" }), category: "lighting" });
    expect(name.items.map((p) => p.title)).toEqual(["Blue Glass Lantern", "Green Lamp", "Red and White Fairy Lights", "Red Metal Lantern"]);
    const newest = await findProducts(db, { ...params({ sort: "new" }), category: "lighting" });
    expect(newest.items[0]!.sku).toBe("1");
  });

  it("pages with no overlap and clamps a page past the end", async () => {
    const p1 = await findProducts(db, { ...params(), category: "kitchen-dining" });
    const p2 = await findProducts(db, { ...params({ page: "2" }), category: "kitchen-dining" });
    expect(p1.items).toHaveLength(PER_PAGE);
    expect(p2.items).toHaveLength(30 - PER_PAGE);
    expect(new Set([...p1.items, ...p2.items].map((p) => p.id)).size).toBe(30);
    const far = await findProducts(db, { ...params({ page: "10000" }), category: "kitchen-dining" });
    expect(far.page).toBe(2);
    expect(far.items).toEqual(p2.items);
  });

  it("returns an empty listing for an unknown category rather than failing", async () => {
    const l = await findProducts(db, { ...params(), category: "no-such-thing" });
    expect(l.total).toBe(0);
    expect(l.items).toEqual([]);
  });
});

describe("home page and product reads", () => {
  it("counts active products per category and picks a cover", async () => {
    const cats = await findCategories(db);
    const lighting = cats.find((c) => c.slug === "lighting")!;
    expect(lighting.count).toBe(4);
    expect(lighting.coverSku).toBe("3");
    expect(cats.find((c) => c.slug === "garden")!.count).toBe(0);
  });

  it("lists in-stock bestsellers and new arrivals", async () => {
    const best = await findBestsellers(db, 3);
    expect(best.map((p) => p.sku)).toEqual(["2", "5", "1"]); // "3" is sold out
    const fresh = await findNewIn(db, 1);
    expect(fresh[0]!.sku).toBe("1");
  });

  it("reads an active product by slug, and hides archived ones", async () => {
    const p = await findProductBySlug(db, "red-metal-lantern-1");
    expect(p).toMatchObject({ sku: "1", categorySlug: "lighting", colors: ["red"], materials: ["metal"] });
    expect(await findProductBySlug(db, "archived-red-lantern-6")).toBeNull();
  });

  it("relates products of the same category, shared colour first", async () => {
    const p = (await findProductBySlug(db, "red-metal-lantern-1"))!;
    const rel = await findRelated(db, p, 8);
    expect(rel.map((r) => r.sku)).toEqual(["3", "2", "4"]);
  });

  it("relates a product without colours by sales alone", async () => {
    const p = (await findProductBySlug(db, "red-metal-lantern-1"))!;
    const rel = await findRelated(db, { ...p, colors: [] }, 8);
    expect(rel.map((r) => r.sku).sort()).toEqual(["2", "3", "4"]);
  });
});
