import { describe, expect, it } from "vitest";
import { formatClock, formatDay, formatPrice } from "./format";

describe("formatters", () => {
  it("write days and times in UK time, whatever the server's zone", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    const d = new Date("2026-06-30T23:30:00Z");
    expect(formatDay(d, "short")).toBe("1 Jul");
    expect(formatDay(d, "medium")).toBe("1 Jul 2026");
    expect(formatDay(d, "long")).toBe("1 July 2026");
    expect(formatDay(d.toISOString(), "weekday")).toBe("Wed 1 Jul");
    expect(formatClock(d)).toBe("00:30");
    expect(formatPrice(255)).toBe("£2.55");
  });
});
