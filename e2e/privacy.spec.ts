import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

// A first visit: no consent given yet.
test.use({ storageState: { cookies: [], origins: [] } });

const PASSWORD = "correct-horse-battery";

async function openProduct(page: Page) {
  await page.goto("/shop");
  const first = page.locator("main a[href^='/product/']").first();
  const href = await first.getAttribute("href");
  await page.goto(href!);
  const title = (await page.locator("h1").first().textContent())!.trim();
  return { href: href!, title };
}

test("declining consent on a phone keeps browsing out; accepting records it and turns on recently viewed", async ({ page }) => {
  await page.goto("/");
  const banner = page.getByRole("dialog", { name: "Your privacy choices" });
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Necessary only" }).click();
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Your privacy choices" })).toHaveCount(0);

  const email = uniqueEmail("privacy");
  await signUp(page, { name: "Pia Private", email, password: PASSWORD });
  await openProduct(page);
  await page.goto("/account/your-data");
  await expect(page.getByTestId("consent-state").first()).toContainText("Analytics: off");
  await expect(page.getByTestId("event-counts")).toContainText("0 browsing events");
  await expect(page.getByTestId("recent-events")).toContainText("Signed Up");

  // Change of mind: accept all from the account page.
  await page.getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByTestId("consent-state").first()).toContainText("Analytics: on · Personalization: on");
  const viewed = await openProduct(page);
  await expect(async () => {
    await page.goto("/account/your-data");
    await expect(page.getByTestId("recent-events")).toContainText("Product Viewed", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.goto("/");
  await expect(page.locator("#recently-viewed")).toBeVisible();
  await expect(
    page
      .locator("section", { has: page.locator("#recently-viewed") })
      .getByText(viewed.title)
      .first(),
  ).toBeVisible();
});

test("Your data: the export downloads as JSON with the customer's own data", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("dialog", { name: "Your privacy choices" }).getByRole("button", { name: "Accept all" }).click();
  const email = uniqueEmail("export");
  await signUp(page, { name: "Ezra Export", email, password: PASSWORD });
  await page.goto("/account/your-data");
  await expect(page.getByTestId("profile-summary")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^hearth-your-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.format).toBe("hearth-customer-export/1");
  expect(data.tables.users).toHaveLength(1);
  expect(data.tables.users[0].email).toBe(email);
  expect(data.tables.cdp_consents.length).toBeGreaterThan(0);
  expect(JSON.stringify(data)).not.toContain("password_hash");
});

test("deleting the account signs out, and the email can sign up again", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("dialog", { name: "Your privacy choices" }).getByRole("button", { name: "Necessary only" }).click();
  const email = uniqueEmail("delete");
  await signUp(page, { name: "Dana Delete", email, password: PASSWORD });
  await page.goto("/account/your-data");
  await page.getByLabel("Your password").fill("wrong-password-here");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "password isn't right" })).toBeVisible();

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL((u) => u.pathname === "/" && u.searchParams.get("account") === "deleted");
  await page.goto("/account");
  await expect(page).toHaveURL((u) => u.pathname === "/sign-in");

  await signUp(page, { name: "Dana Again", email, password: PASSWORD });
  await expect(page.getByTestId("account-email")).toHaveText(email);
});
