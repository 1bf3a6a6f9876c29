import { expect, test, type Page } from "@playwright/test";
import { badge, signUp, uniqueEmail } from "./helpers";

// These journeys are about the service worker, so it runs here (playwright.config.ts blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

const PRODUCT = "white-hanging-heart-t-light-holder-85123a";

/** Waits until the service worker controls the page. */
async function controlled(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return Boolean(navigator.serviceWorker.controller);
  });
}

/** The request paths the worker holds in any of its caches. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

/** The offline page as the worker saved it. */
function savedOfflinePage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    for (const name of await caches.keys()) {
      const hit = await (await caches.open(name)).match("/offline");
      if (hit) return hit.text();
    }
    return "";
  });
}

test("with the network cut, visited pages still open and others show the offline page with the cart", async ({ page, context }) => {
  await page.goto("/");
  await controlled(page);
  // Pages load through the worker once it controls them.
  await page.goto(`/product/${PRODUCT}`);
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("1");
  await page.goto("/category/lighting");
  await expect(page.getByRole("heading", { level: 1, name: "Lighting" })).toBeVisible();
  // The worker refreshes its offline copy when the cart changes.
  await expect.poll(() => savedOfflinePage(page)).toContain(title);

  await context.setOffline(true);
  try {
    // A page visited before opens from the cache.
    await page.goto(`/product/${PRODUCT}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await page.goto("/category/lighting");
    await expect(page.getByRole("heading", { level: 1, name: "Lighting" })).toBeVisible();

    // A page never visited shows the offline page, with this shopper's cart.
    await page.goto("/category/kitchen");
    await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    await expect(page.getByTestId("offline-cart")).toContainText(title);
    await expect(page.getByTestId("offline-cart")).toContainText(/£\d+\.\d\d/);

    // The cart and checkout are never kept: they show the offline page too.
    for (const path of ["/cart", "/checkout"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
    }
  } finally {
    await context.setOffline(false);
  }

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Bestsellers" })).toBeVisible();
});

test("account and checkout pages are never served from the service worker", async ({ page, context }) => {
  await page.goto("/");
  await controlled(page);
  await signUp(page, { name: "Offline Shopper", email: uniqueEmail("offline"), password: "a good long password" });
  await expect(page.getByTestId("account-email")).toBeVisible();
  await page.goto("/account/orders");
  await page.goto(`/product/${PRODUCT}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("1");
  await page.goto("/checkout");
  await page.goto("/");

  const kept = await cachedPaths(page);
  expect(kept).toContain("/");
  for (const path of kept) expect(path, path).not.toMatch(/^\/(account|checkout|cart|order|track|sign-|admin|api)/);

  await context.setOffline(true);
  try {
    for (const path of ["/account", "/account/orders", "/checkout"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
      await expect(page.getByText("Offline Shopper")).toHaveCount(0);
    }
  } finally {
    await context.setOffline(false);
  }
});

test("a different shopper on the same browser does not see the last one's saved pages", async ({ page }) => {
  await page.goto("/");
  await controlled(page);
  await signUp(page, { name: "First Shopper", email: uniqueEmail("first"), password: "a good long password" });
  await page.goto(`/product/${PRODUCT}`);
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("1");
  await expect.poll(() => savedOfflinePage(page)).toContain(title);
  expect(await cachedPaths(page)).toContain(`/product/${PRODUCT}`);

  // Signing out makes this browser a visitor's again: the worker drops what the customer saw.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(badge(page)).toHaveText("0");
  await expect.poll(async () => (await cachedPaths(page)).includes(`/product/${PRODUCT}`)).toBe(false);
  await expect.poll(() => savedOfflinePage(page)).toContain("Your cart is empty");
  expect(await savedOfflinePage(page)).not.toContain(title);
});
