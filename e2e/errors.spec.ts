import { expect, test } from "@playwright/test";

test("unknown pages get the 404 page with a way back", async ({ page }) => {
  for (const url of ["/no-such-page", "/category/no-such-category", "/product/no-such-product"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search products" }).last()).toBeVisible();
  }
  await page.getByTestId("not-found").getByRole("link", { name: "Home" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("bad parameters get a proper page, never a 500", async ({ page }) => {
  const urls = [
    "/shop?page=-1",
    "/shop?page=99999999999",
    "/shop?page=abc&sort=nonsense&color=%3Cscript%3E&min=-4&max=lots",
    "/category/lighting?page=100000",
    "/search?q=%27%3B%20drop%20table%20products%3B--",
    `/search?q=${"x".repeat(3000)}`,
    "/search?q=%00%01%02",
    "/search?q=&page=-3",
  ];
  for (const url of urls) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // A huge page number lands on the last page, which still has products.
  await page.goto("/shop?page=99999999999");
  await expect(page.getByTestId("product-card").first()).toBeVisible();
});
