import { describe, expect, it } from "vitest";
import { isWholeMonths, kpiFiltersSchema, previousPeriod, resolveRange } from "./filters";

describe("KPI filters", () => {
  it("refuses impossible dates, reversed ranges and unknown devices with a clear message", () => {
    const issues = (x: object) => kpiFiltersSchema.safeParse(x).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ from: "2011-02-30", to: "2011-03-01" })).toEqual(["Not a real date."]);
    expect(issues({ from: "2011-03-01", to: "2011-02-01" })).toEqual(["The start must not be after the end."]);
    expect(issues({ from: "1/3/2011", to: "2011-03-01" })).toEqual(["Use a date like 2011-06-30."]);
    expect(kpiFiltersSchema.safeParse({ from: "2011-01-01", to: "2011-01-31", device: "fridge" }).success).toBe(false);
    // Empty form fields mean "no filter".
    expect(kpiFiltersSchema.parse({ from: "2011-01-01", to: "2011-01-31", device: "", segment: "", country: "" })).toEqual({ from: "2011-01-01", to: "2011-01-31" });
  });

  it("compares whole months with the same number of months before, other ranges with the same number of days", () => {
    expect(isWholeMonths({ from: "2011-03-01", to: "2011-08-31" })).toBe(true);
    expect(previousPeriod({ from: "2011-03-01", to: "2011-08-31" })).toEqual({ from: "2010-09-01", to: "2011-02-28" });
    expect(previousPeriod({ from: "2011-03-10", to: "2011-03-19" })).toEqual({ from: "2011-02-28", to: "2011-03-09" });
  });

  it("turns shop-local days into UTC instants across the clock change", () => {
    // London: GMT until 27 March 2011, then BST (UTC+1).
    const r = resolveRange({ from: "2011-03-27", to: "2011-03-31" }, "Europe/London");
    expect(r.start.toISOString()).toBe("2011-03-27T00:00:00.000Z");
    expect(r.end.toISOString()).toBe("2011-03-31T23:00:00.000Z");
  });
});
