import { describe, expect, it } from "vitest";
import { consentFrom, decodeConsent, encodeConsent } from "@/lib/cdp/identity/consent";

describe("consent cookie", () => {
  it("round-trips a choice with its time", () => {
    const v = encodeConsent({ analytics: true, personalization: false }, 1_700_000_000_000);
    expect(v).toBe("v1.1.0.1700000000");
    expect(decodeConsent(v)).toEqual({ analytics: true, personalization: false, at: 1_700_000_000_000 });
  });
  it("treats a missing or tampered cookie as no consent, noting GPC", () => {
    expect(consentFrom(undefined, "1")).toEqual({ analytics: false, personalization: false, decided: false, gpc: true, at: null });
    expect(consentFrom("v1.1.1.x", null).decided).toBe(false);
    expect(consentFrom("v2.1.1.1", null).analytics).toBe(false);
    expect(consentFrom(encodeConsent({ analytics: true, personalization: true }), "1")).toMatchObject({ analytics: true, decided: true, gpc: true });
  });
});
