import { expect, test } from "@playwright/test";

const isMobile = () => test.info().project.name === "mobile";

test("home → category → filter by colour → product", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Bestsellers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "New in" })).toBeVisible();
  if (isMobile()) await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  else await expect(page.getByRole("navigation", { name: "Categories" })).toBeVisible();

  await page
    .getByTestId("category-tiles")
    .getByRole("link", { name: /Lighting/ })
    .click();
  await expect(page).toHaveURL(/\/category\/lighting$/);
  await expect(page.getByRole("heading", { level: 1, name: "Lighting" })).toBeVisible();
  const before = Number((await page.getByTestId("result-count").innerText()).replace(/\D/g, ""));
  expect(before).toBeGreaterThan(10);

  if (isMobile()) {
    const toggle = page.getByRole("button", { name: /Filters/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
  await page.getByRole("checkbox", { name: /^red/i }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/color=red/);
  const after = Number((await page.getByTestId("result-count").innerText()).replace(/\D/g, ""));
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);

  // Sorting keeps the filter and reorders by price.
  await page.getByRole("combobox", { name: "Sort" }).selectOption("price-asc");
  await expect(page).toHaveURL(/sort=price-asc/);
  await expect(page).toHaveURL(/color=red/);
  const prices = await page.getByTestId("product-card").getByTestId("price").allInnerTexts();
  const pence = prices.map((p) => Math.round(Number(p.replace(/[^\d.]/g, "")) * 100));
  expect(pence).toEqual([...pence].sort((a, b) => a - b));

  const first = page.getByTestId("product-card").first();
  const title = await first.getByRole("heading").innerText();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/product\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("stock-state")).toBeVisible();
  await expect(page.getByRole("button", { name: /Add to cart|Sold out/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Lighting" })).toBeVisible();
  const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
  const product = jsonLd.map((t) => JSON.parse(t)).find((d) => d["@type"] === "Product");
  expect(product?.name).toBe(title);
  expect(product?.offers?.priceCurrency).toBe("GBP");
});

test("pagination uses real URLs and the back button", async ({ page }) => {
  await page.goto("/shop");
  const firstOnPage1 = await page.getByTestId("product-card").first().getByRole("heading").innerText();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  const firstOnPage2 = await page.getByTestId("product-card").first().getByRole("heading").innerText();
  expect(firstOnPage2).not.toBe(firstOnPage1);
  await page.goBack();
  await expect(page.getByTestId("product-card").first().getByRole("heading")).toHaveText(firstOnPage1);
});

test("product images are generated, sized and cacheable", async ({ page, request }) => {
  await page.goto("/product/white-hanging-heart-t-light-holder-85123a");
  const img = page.getByRole("img", { name: "White Hanging Heart T-Light Holder", exact: true });
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const res = await request.get("/img/p/85123A/0-320.webp");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/webp");
  expect(res.headers()["cache-control"]).toContain("max-age");
  expect((await res.body()).subarray(8, 12).toString()).toBe("WEBP");
});

test("a product card's Add works before any script runs, and with scripts opens the mini-cart", async ({ browser, page, baseURL }) => {
  // No JavaScript at all: the card's plain form posts, and the page comes back with the cart changed.
  const { viewport, userAgent, isMobile: mobile, hasTouch } = test.info().project.use;
  const consent = { name: "hearth_consent", value: "v1.1.1.1764000000", domain: "127.0.0.1", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" as const };
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    viewport,
    userAgent,
    isMobile: mobile,
    hasTouch,
    baseURL,
    storageState: { cookies: [consent], origins: [] },
  });
  const plain = await noScript.newPage();
  await plain.goto("/category/lighting");
  await plain
    .getByTestId("product-card")
    .getByRole("button", { name: /^Add .* to cart$/ })
    .first()
    .click();
  await expect(plain.getByTestId("cart-count")).toHaveText("1");
  await noScript.close();

  // With scripts: one listener takes every card's form over and shows the mini-cart.
  await page.goto("/category/lighting");
  const card = page
    .getByTestId("product-card")
    .filter({ has: page.getByRole("button", { name: /^Add .* to cart$/ }) })
    .first();
  const title = (await card.getByRole("heading").innerText()).trim();
  await card.getByRole("button", { name: /^Add .* to cart$/ }).click();
  await expect(page.getByTestId("mini-cart")).toContainText(title);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});
