import { expect, type Browser, type Page } from "@playwright/test";

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

export const staffLogin = { email: process.env.ADMIN_EMAIL ?? "", password: process.env.ADMIN_PASSWORD ?? "" };

/**
 * The newest mail to `to` whose subject matches, as staff read it in the admin outbox (without
 * SMTP, mail waits there). Signs in as the e2e admin in a context of its own.
 */
export async function mailText(browser: Browser, to: string, subject: string | RegExp): Promise<string> {
  const staff = await browser.newContext();
  try {
    const page = await staff.newPage();
    await signIn(page, staffLogin.email, staffLogin.password, "/admin/outbox");
    const mail = page
      .getByTestId("outbox")
      .getByRole("listitem")
      .filter({ hasText: `to ${to}` })
      .filter({ hasText: subject })
      .first();
    await mail.locator("summary").click();
    return await mail.locator("pre").innerText();
  } finally {
    await staff.close();
  }
}

/** The first link in `text` whose path starts with `path`, as a path and query for page.goto. */
export function linkIn(text: string, path: string): string {
  const url = text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, "\\$&")}\\S*`))?.[0];
  if (!url) throw new Error(`no ${path} link in:\n${text}`);
  const u = new URL(url);
  return u.pathname + u.search;
}
