import { describe, expect, it } from "vitest";
import { campaignFrom, deviceType, localeFrom } from "@/lib/cdp/identity/context";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
const PIXEL = "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";
const GALAXY_TAB = "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const IPAD = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
const DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

describe("deviceType", () => {
  it("classifies phones, tablets and desktops from the user agent", () => {
    expect(deviceType(IPHONE)).toBe("mobile");
    expect(deviceType(PIXEL)).toBe("mobile");
    expect(deviceType(GALAXY_TAB)).toBe("tablet");
    expect(deviceType(IPAD)).toBe("tablet");
    expect(deviceType(DESKTOP)).toBe("desktop");
  });
  it("trusts the mobile client hint and knows nothing without a user agent", () => {
    expect(deviceType(DESKTOP, "?1")).toBe("mobile");
    expect(deviceType(GALAXY_TAB, "?0")).toBe("tablet");
    expect(deviceType(null)).toBeNull();
  });
});

describe("context helpers", () => {
  it("reads the first Accept-Language tag", () => {
    expect(localeFrom("en-GB,en;q=0.9")).toBe("en-GB");
    expect(localeFrom("*")).toBeNull();
    expect(localeFrom(undefined)).toBeNull();
  });
  it("maps utm parameters onto Segment's campaign fields", () => {
    expect(campaignFrom(new URLSearchParams("utm_source=news&utm_campaign=spring&x=1"))).toEqual({ source: "news", name: "spring" });
    expect(campaignFrom({ q: "lamp" })).toBeNull();
  });
});
