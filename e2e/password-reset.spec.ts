import { expect, test } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./helpers";

const admin = { email: process.env.ADMIN_EMAIL ?? "", password: process.env.ADMIN_PASSWORD ?? "" };

test("forgot password → the link from the outbox → a new password works, the old one does not", async ({ page, browser }) => {
  test.skip(!admin.password, "needs ADMIN_EMAIL/ADMIN_PASSWORD, which npm test sets");
  const email = uniqueEmail("reset");
  await signUp(page, { name: "Forgetful", email, password: "the original password" });
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account exists" })).toBeVisible();

  // Without SMTP the mail waits in the outbox, which staff can read.
  const staff = await browser.newContext();
  const adminPage = await staff.newPage();
  await signIn(adminPage, admin.email, admin.password, "/admin/outbox");
  const mail = adminPage
    .getByTestId("outbox")
    .getByRole("listitem")
    .filter({ hasText: `to ${email}` })
    .filter({ hasText: "Reset your Hearth password" });
  await mail.locator("summary").click();
  const link = (await mail.locator("pre").innerText()).match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0];
  await staff.close();

  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("the original password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("That email and password don't match an account.");
  await signIn(page, email, "a brand new password");
});

test("customers and visitors get a 404 from admin pages", async ({ page }) => {
  expect((await page.goto("/admin/outbox"))?.status()).toBe(404);
  await signIn(page, "customer13047@hearth.example", "hearth-demo");
  expect((await page.goto("/admin/outbox"))?.status()).toBe(404);
  expect((await page.goto("/admin"))?.status()).toBe(404);
});
