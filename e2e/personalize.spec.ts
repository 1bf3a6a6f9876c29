import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an anonymous visitor sees what is trending", async ({ page }) => {
  await page.goto("/");
  const rail = page.getByTestId("rail-trending");
  await expect(rail).toBeVisible();
  await expect(rail.getByTestId("product-card").first()).toBeVisible();
  await expect(page.getByTestId("rail-for_you")).toHaveCount(0);
});

test("a signed-in customer sees 'For you' with reasons, and products show what goes with them", async ({ page }) => {
  await signIn(page, "customer12583@hearth.example", "hearth-demo", "/");
  const rail = page.getByTestId("rail-for_you");
  await expect(rail).toBeVisible();
  await expect(rail.getByText(/^Because you (bought|looked at) /).first()).toBeVisible();
  await rail.locator("a[href^='/product/']").first().click();
  await expect(page).toHaveURL(/\/product\//);
  await expect(page.getByTestId("rail-also_bought").or(page.getByTestId("rail-goes_with")).first()).toBeVisible();
});
