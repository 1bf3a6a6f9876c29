import { expect, test, type Page } from "@playwright/test";
import { badge, signIn, signUp, uniqueEmail as unique } from "./helpers";

async function addFromProductPage(page: Page, slug: string) {
  await page.goto(`/product/${slug}`);
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await page.getByRole("button", { name: "Add to cart" }).click();
  // The mini-cart lists what is in the cart now, with its subtotal.
  const mini = page.getByTestId("mini-cart");
  await expect(mini).toContainText("Added to your cart");
  await expect(mini.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  await expect(mini).toContainText(/£\d+\.\d\d/);
}

test("sign up, fill the cart, sign out and back in: the cart is kept", async ({ page }) => {
  const email = unique();
  const password = "a good long password";
  await signUp(page, { name: "Robin Shopper", email, password });
  await expect(page.getByTestId("account-email")).toHaveText(email);

  await addFromProductPage(page, "white-hanging-heart-t-light-holder-85123a");
  // The second product from a listing's own button.
  await page.goto("/category/lighting");
  await page
    .getByTestId("product-card")
    .filter({ has: page.getByRole("button", { name: /^Add .* to cart$/ }) })
    .first()
    .getByRole("button", { name: /^Add .* to cart$/ })
    .click();
  await expect(badge(page)).toHaveText("2");

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(badge(page)).toHaveText("0");

  await signIn(page, email, password);
  await expect(badge(page)).toHaveText("2");
  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
});

test("a guest cart joins the account on sign-in, and the cart page changes quantities", async ({ page, browser }) => {
  const email = unique();
  const password = "another long password";
  // Create the account in a separate session, so this browser stays a guest.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await signUp(p2, { name: "Guest Later", email, password });
  await other.close();

  await addFromProductPage(page, "white-hanging-heart-t-light-holder-85123a");
  await expect(badge(page)).toHaveText("1");
  await page.goto("/cart");
  await page.getByRole("button", { name: /^One more/ }).click();
  await expect(page.getByTestId("line-qty")).toHaveText("2");
  await expect(badge(page)).toHaveText("2");

  await signIn(page, email, password);
  await expect(badge(page)).toHaveText("2");
  await page.goto("/cart");
  await page.getByRole("button", { name: /^Remove/ }).click();
  await expect(page.getByTestId("cart-empty")).toBeVisible();
  await expect(badge(page)).toHaveText("0");
});

test("the badge is right in a second tab", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto("/");
  await b.goto("/shop");
  await expect(badge(b)).toHaveText("0");
  await addFromProductPage(a, "white-hanging-heart-t-light-holder-85123a");
  await expect(badge(b)).toHaveText("1");
});

test("sign-in errors never say whether the email exists, and keep what was typed", async ({ page }) => {
  await page.goto("/sign-in");
  for (const email of ["customer17850@hearth.example", "no-such-person@example.com"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("definitely wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("That email and password don't match an account.");
    await expect(page.getByLabel("Email")).toHaveValue(email);
  }
});

test("a demo customer signs in with the seeded login", async ({ page }) => {
  await signIn(page, "customer12583@hearth.example", "hearth-demo");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Customer 12583");
});

test("a tampered cart cookie is ignored, not an error", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "hearth_cart", value: "0b7f7c1e-3a5d-4c1e-9f3a-2d4b6c8e0f12.forged", url: baseURL! }]);
  const res = await page.goto("/cart");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("cart-empty")).toBeVisible();
  await addFromProductPage(page, "white-hanging-heart-t-light-holder-85123a");
  await expect(badge(page)).toHaveText("1");
});

test("account pages need a session", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount/);
});

test("bad quantities and a price sent from the browser are refused or ignored", async ({ page }) => {
  await page.goto("/product/white-hanging-heart-t-light-holder-85123a");
  const price = await page.getByTestId("price").first().innerText();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add to cart" }) });
  // A tampered form: a price of 1p and odd quantities.
  await form.evaluate((f) => {
    const extra = document.createElement("input");
    extra.type = "hidden";
    extra.name = "unitPricePence";
    extra.value = "1";
    f.appendChild(extra);
  });
  const qty = form.getByRole("spinbutton", { name: "Quantity" });
  for (const [value, message] of [
    ["-5", "at least 1"],
    ["2.5", "whole number"],
    ["100000", "at most"],
  ] as const) {
    // Past the browser's own checks, straight to the server.
    await qty.evaluate((el: HTMLInputElement, v) => {
      el.removeAttribute("min");
      el.removeAttribute("max");
      el.step = "any";
      el.value = v;
    }, value);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.locator("form + [role=alert], [role=alert]").filter({ hasText: message })).toBeVisible();
  }
  await expect(badge(page)).toHaveText("0");
  await qty.evaluate((el: HTMLInputElement) => {
    el.value = "2";
  });
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("2");
  await page.goto("/cart");
  const unit = await page.getByTestId("cart-line").getByText(/each/).innerText();
  expect(unit).toBe(`${price} each`);
});

test("the address book adds, validates and removes addresses", async ({ page }) => {
  await signUp(page, { name: "Addie", email: unique(), password: "address book password", next: "/account/addresses" });
  await page.getByLabel("Full name").fill("Addie Example");
  await page.getByLabel("Address", { exact: true }).fill("10 Downing Street");
  await page.getByLabel("Town or city").fill("London");
  await page.getByLabel("Postcode").fill("ABC 123");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByText("Enter a valid UK postcode, like SW1A 1AA")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Addie Example");
  await page.getByLabel("Postcode").fill("sw1a 2aa");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByTestId("address")).toContainText("SW1A 2AA");
  await expect(page.getByTestId("address")).toContainText("Default");
  await page
    .getByTestId("address")
    .getByRole("button", { name: /Remove/ })
    .click();
  await expect(page.getByTestId("address")).toHaveCount(0);
});
