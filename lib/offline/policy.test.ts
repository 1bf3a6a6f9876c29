import { describe, expect, it } from "vitest";
import { cacheKind, OFFLINE_PATH, viewerKey } from "./policy";

describe("cacheKind", () => {
  it("keeps the storefront pages anyone can see", () => {
    for (const p of ["/", "/shop", "/search", "/privacy", "/category/candles", "/product/white-lantern-123"]) {
      expect(cacheKind(p, true), p).toBe("page");
    }
  });

  it("never keeps account, checkout, order, cart, admin or API responses", () => {
    const personal = [
      "/account",
      "/account/orders",
      "/account/your-data/export",
      "/sign-in",
      "/sign-up",
      "/claim",
      "/reset-password",
      "/track/H-1001",
      "/cart",
      "/checkout",
      "/order/H-1001",
      "/admin",
      "/admin/products/4",
      "/api/collect",
      "/api/auth/session",
      "/api/track/H-1001/stream",
      "/v1/batch",
    ];
    for (const p of personal) {
      expect(cacheKind(p, true), p).toBe("network");
      expect(cacheKind(p, false), p).toBe("network");
    }
  });

  it("does not keep a page's data fetches, only its navigations", () => {
    expect(cacheKind("/product/white-lantern-123", false)).toBe("network");
    expect(cacheKind("/product/a/b", true)).toBe("network");
  });

  it("sorts pictures, build assets and the offline page", () => {
    expect(cacheKind("/img/p/85123A/640.webp", false)).toBe("image");
    expect(cacheKind("/_next/image", false)).toBe("image");
    expect(cacheKind("/_next/static/chunks/app.js", false)).toBe("asset");
    expect(cacheKind("/icons/icon-192.png", false)).toBe("asset");
    expect(cacheKind(OFFLINE_PATH, true)).toBe("offline-fallback");
  });
});

describe("viewerKey", () => {
  it("differs between customers and from a visitor", () => {
    expect(viewerKey(null)).toBe("visitor");
    expect(viewerKey(7)).not.toBe(viewerKey(8));
    expect(viewerKey(7)).not.toBe(viewerKey(null));
  });
});
