import { expect, type Page } from "@playwright/test";

export const badge = (page: Page) => page.getByTestId("cart-count");
export const uniqueEmail = (tag = "shopper") => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;

/** Creates an account through the form and waits until it lands on `next`. */
export async function signUp(page: Page, { name, email, password, next = "/account" }: { name: string; email: string; password: string; next?: string }) {
  await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL((u) => u.pathname === next);
}

export async function signIn(page: Page, email: string, password: string, next = "/account") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((u) => u.pathname === next);
}
