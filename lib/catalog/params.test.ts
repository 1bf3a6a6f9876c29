import { describe, expect, it } from "vitest";
import { listingHref, MAX_PAGE, parseListingParams, parseSearchParams } from "./params";

describe("listing params from the URL", () => {
  it("falls back to defaults for bad values instead of failing", () => {
    for (const page of ["-1", "0", "abc", "1.5", "", "NaN", "Infinity"]) expect(parseListingParams({ page }).page).toBe(1);
    expect(parseListingParams({ page: "99999999999" }).page).toBe(MAX_PAGE);
    expect(parseListingParams({ sort: "drop table" }).sort).toBe("popular");
    expect(parseListingParams({ min: "-5", max: "lots" })).toMatchObject({ min: undefined, max: undefined });
    expect(parseListingParams({ category: "../../etc" }).category).toBeUndefined();
  });

  it("reads colours from repeated or comma-separated params, cleaned and capped", () => {
    expect(parseListingParams({ color: ["Red", "blue"] }).color).toEqual(["red", "blue"]);
    expect(parseListingParams({ color: "red,<script>,red, green" }).color).toEqual(["red", "green"]);
    expect(
      parseListingParams({
        color: Array(50)
          .fill(0)
          .map((_, i) => `c${"x".repeat((i % 5) + 2)}`),
      }).color.length,
    ).toBeLessThanOrEqual(12);
  });

  it("reads prices in pounds into pence", () => {
    expect(parseListingParams({ min: "2.5", max: "10" })).toMatchObject({ min: 250, max: 1000 });
  });

  it("round-trips through listingHref without default noise", () => {
    const p = parseListingParams({ color: "red,blue", min: "2.5", sort: "price-asc", page: "3", inStock: "1" });
    const href = listingHref("/shop", p);
    expect(href).toBe("/shop?color=red%2Cblue&min=2.5&inStock=1&sort=price-asc&page=3");
    const back = parseListingParams(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual(p);
    expect(listingHref("/shop", parseListingParams({}))).toBe("/shop");
  });
});

describe("search params", () => {
  it("strips markup and caps length", () => {
    expect(parseSearchParams({ q: "<b>candle</b> holder!!" }).q).toBe("b candle /b holder");
    expect(parseSearchParams({ q: "x".repeat(1000) }).q).toHaveLength(100);
    expect(parseSearchParams({}).q).toBe("");
    expect(parseSearchParams({ q: ["lamp", "other"] }).q).toBe("lamp");
  });
});
