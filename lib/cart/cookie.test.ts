import { describe, expect, it } from "vitest";
import { signCartId, verifyCartCookie } from "./cookie";

describe("guest cart cookie", () => {
  const id = "0b7f7c1e-3a5d-4c1e-9f3a-2d4b6c8e0f12";

  it("round-trips a signed id", () => {
    expect(verifyCartCookie(signCartId(id))).toBe(id);
  });

  it("rejects tampered, foreign and malformed values", () => {
    const signed = signCartId(id);
    const other = "1b7f7c1e-3a5d-4c1e-9f3a-2d4b6c8e0f12";
    expect(verifyCartCookie(`${other}.${signed.split(".")[1]}`)).toBeNull();
    expect(verifyCartCookie(`${signed}x`)).toBeNull();
    expect(verifyCartCookie(id)).toBeNull();
    expect(verifyCartCookie("")).toBeNull();
    expect(verifyCartCookie(undefined)).toBeNull();
    expect(verifyCartCookie("'; drop table carts; --.abc")).toBeNull();
    expect(verifyCartCookie(`${id}.${"A".repeat(43)}`)).toBeNull();
  });
});
