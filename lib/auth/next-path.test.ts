import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeNextPath("/cart")).toBe("/cart");
    expect(safeNextPath("/account/orders?page=2")).toBe("/account/orders?page=2");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "", null, undefined, 42]) {
      expect(safeNextPath(bad)).toBe("/account");
    }
    expect(safeNextPath("//x", "/")).toBe("/");
  });
});
