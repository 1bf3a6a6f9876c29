import { expect, test } from "@playwright/test";

test("a search with a typo still finds the product", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("searchbox", { name: "Search products" }).first();
  await box.fill("candel holder");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=candel\+holder/);
  await expect(page.getByTestId("did-you-mean")).toContainText("candle holder");
  const titles = await page.getByTestId("product-card").getByRole("heading").allInnerTexts();
  expect(titles.length).toBeGreaterThan(3);
  expect(titles.slice(0, 5).every((t) => /candle holder/i.test(t))).toBe(true);
});

test("a search that finds nothing suggests where to go", async ({ page }) => {
  await page.goto("/search?q=zzqxvy+wwkqj");
  await expect(page.getByTestId("no-results")).toContainText("Nothing matched");
  await expect(page.getByTestId("no-results").getByRole("link", { name: "Lighting" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Popular right now" })).toBeVisible();
});
