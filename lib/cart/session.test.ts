import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { signInAs } from "@/lib/testing/session";
import { CART_COOKIE } from "./cookie";
import { currentCartId } from "./session";

const request = { proto: "http" };
const set = vi.fn();
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-proto": request.proto }),
  cookies: async () => ({ get: () => undefined, set }),
}));

beforeAll(async () => {
  await createTestDb();
  signInAs(null);
});
afterAll(dropTestDb);

describe("the guest cart cookie", () => {
  it("is Secure when the request came over HTTPS, whatever SITE_URL says", async () => {
    request.proto = "https";
    await currentCartId({ create: true });
    expect(set).toHaveBeenLastCalledWith(CART_COOKIE, expect.any(String), expect.objectContaining({ secure: true, httpOnly: true, sameSite: "lax" }));
    request.proto = "http";
    await currentCartId({ create: true });
    expect(set).toHaveBeenLastCalledWith(CART_COOKIE, expect.any(String), expect.objectContaining({ secure: false }));
  });
});
