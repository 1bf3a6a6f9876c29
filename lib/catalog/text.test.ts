import { describe, expect, it } from "vitest";
import { categorize, colorsOf, materialsOf } from "./categories";
import { productArtSvg } from "./art";
import { cleanTitle, productSlug, slugify } from "./text";

describe("titles and slugs", () => {
  it("title-cases shouting descriptions, keeping codes and small words sensible", () => {
    expect(cleanTitle("  WHITE HANGING HEART T-LIGHT HOLDER ")).toBe("White Hanging Heart T-Light Holder");
    expect(cleanTitle("SET OF 3 CAKE TINS PANTRY DESIGN")).toBe("Set of 3 Cake Tins Pantry Design");
    expect(cleanTitle("LED TEA LIGHTS")).toBe("LED Tea Lights");
    expect(cleanTitle("PACK OF 12 RED/WHITE STRAWS")).toBe("Pack of 12 Red/White Straws");
    expect(cleanTitle("")).toBe("");
  });

  it("makes URL-safe slugs", () => {
    expect(slugify("Wall décor & signs")).toBe("wall-decor-and-signs");
    expect(productSlug('Home Building Block Word "Home"', "21754")).toBe("home-building-block-word-home-21754");
    expect(productSlug("", "POST")).toBe("post");
  });
});

describe("keyword rules", () => {
  it.each([
    ["White Hanging Heart T-Light Holder", "candles-fragrance"],
    ["White Metal Lantern", "lighting"],
    ["Jumbo Bag Red Retrospot", "bags"],
    ["Christmas Tree Candle", "seasonal"],
    ["Set of 3 Cake Tins Pantry Design", "kitchen-dining"],
    ["Wooden Picture Frame White Finish", "wall-decor-signs"],
    ["Red Woolly Hottie White Heart.", "home-accents"],
    ["Knitted Union Flag Hot Water Bottle", "textiles"],
    ["Garden Trowel", "garden"],
    ["Pack of 12 Birthday Gift Tags", "gifts-wrap"],
    ["Strawberry Storage Box", "storage"],
  ])("%s → %s", (title, slug) => {
    expect(categorize(title)).toBe(slug);
  });

  it("reads colours and materials, mapping synonyms", () => {
    expect(colorsOf("Jumbo Bag Red Retrospot")).toEqual(["red"]);
    expect(colorsOf("Ivory Wicker Heart")).toEqual(["cream"]);
    expect(materialsOf("Zinc Wire Basket with Wooden Handle")).toEqual(["metal", "wood"]);
  });
});

describe("product art", () => {
  it("is deterministic per product and differs between products", () => {
    const a = { sku: "85123A", categorySlug: "candles-fragrance", colors: ["white"] };
    expect(productArtSvg(a)).toBe(productArtSvg(a));
    expect(productArtSvg(a)).not.toBe(productArtSvg({ ...a, sku: "85123B" }));
    expect(productArtSvg(a, 1)).not.toBe(productArtSvg(a, 0));
    expect(productArtSvg(a)).toMatch(/^<svg[^>]+viewBox="0 0 400 400"/);
  });
});
