import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

const SHOP = "https://shop.example";
/** Where a browser on the shop would end up after a redirect to `path`. */
const landsOn = (path: string) => new URL(path, SHOP);

describe("safeNextPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeNextPath("/cart")).toBe("/cart");
    expect(safeNextPath("/account/orders?page=2")).toBe("/account/orders?page=2");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "", null, undefined, 42]) {
      expect(safeNextPath(bad)).toBe("/account");
    }
    expect(safeNextPath("//x", "/")).toBe("/");
  });

  it("refuses the known payloads: tabs, newlines, backslashes, dot segments, schemes", () => {
    const payloads = [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/%09/evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "/.//evil.example",
      "/./\\evil.example",
      "/..//evil.example",
      "/\t\\evil.example",
      "javascript:alert(1)",
      "/ /evil.example",
      "/%5C%5Cevil.example",
    ];
    for (const p of payloads) {
      const r = safeNextPath(p);
      expect(landsOn(r).host, `${JSON.stringify(p)} → ${r}`).toBe("shop.example");
      expect(r.startsWith("//") || r.startsWith("/\\"), `${JSON.stringify(p)} → ${r}`).toBe(false);
    }
  });

  it("never leaves the shop, whatever the string (fast-check, with encodings)", () => {
    const piece = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      " ",
      ".",
      "..",
      "%09",
      "%0a",
      "%2f",
      "%5c",
      "%2e",
      "evil.example",
      "@",
      ":",
      "//",
      "http:",
      "?",
      "#",
      "\u0000",
      "\u3002",
    );
    const arb = fc.oneof(
      fc.string(),
      fc.array(piece, { maxLength: 12 }).map((xs) => xs.join("")),
      fc.array(piece, { maxLength: 12 }).map((xs) => `/${xs.join("")}`),
    );
    fc.assert(
      fc.property(arb, (s) => {
        const r = safeNextPath(s);
        return r.startsWith("/") && !r.startsWith("//") && !r.startsWith("/\\") && landsOn(r).origin === SHOP;
      }),
      { numRuns: 5000 },
    );
  });
});
