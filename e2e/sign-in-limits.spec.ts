import { expect, test, type Page } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./helpers";

const spoofed = () => `203.0.113.${Math.floor(Math.random() * 254) + 1}, 198.51.100.${Math.floor(Math.random() * 254) + 1}`;

async function tryPassword(page: Page, email: string, password: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": spoofed(), "x-real-ip": spoofed() });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page.locator("form [role=alert]");
}

test("a stranger's wrong passwords from 'many addresses' neither get through nor lock the owner's browser out", async ({ page, browser }) => {
  const email = uniqueEmail("locked");
  const password = "the owner's password";
  // The owner's phone signs up (and so signs in): it now carries a device cookie.
  await signUp(page, { name: "Owner", email, password });
  expect((await page.context().cookies()).map((c) => c.name)).toContain("hearth_device");
  await page.getByRole("button", { name: "Sign out" }).click();

  // A stranger guesses, claiming a new address on every try. The claim is ignored (the socket's
  // address counts), so their tries share one counter and the per-address limit stops them
  // (RATE_LIMIT_SIGNIN_PER_ACCOUNT, 8 per 15 minutes by default).
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guesser = await stranger.newPage();
  let refused = false;
  for (let i = 0; i < 12 && !refused; i++) {
    const alert = await tryPassword(guesser, email, `guess number ${i}`);
    await expect(alert).toHaveText(/don't match an account|Too many sign-in attempts/);
    refused = /Too many/.test(await alert.innerText());
  }
  expect(refused).toBe(true);
  // Even the right password is refused from the stranger's browser now.
  await expect(await tryPassword(guesser, email, password)).toHaveText(/Too many sign-in attempts/);
  await stranger.close();

  // The owner's own browser (same network address, but it signed in before) is not held back.
  await signIn(page, email, password);
});
