import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { badge, signIn, signUp, uniqueEmail } from "./helpers";

const isMobile = () => test.info().project.name === "mobile";

/** Runs `npm run deliveries:simulate` for one order until it is delivered (against this store). */
function runSimulator(order: string, baseURL: string) {
  const child = spawn(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/simulate-deliveries.ts", "--order", order, "--interval", "0.8", "--until-done", "--url", baseURL],
    {
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const done = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { done, log: () => log, kill: () => child.kill("SIGKILL") };
}

test("sign up → add two products → sign out and in → checkout by cargo bike → history → live tracking → rate it", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("journey");
  const password = "journey password 123";

  await signUp(page, { name: "Jo Journey", email, password, next: "/shop" });

  await page.goto("/product/white-hanging-heart-t-light-holder-85123a");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("1");
  await page.goto("/search?q=lantern");
  await page
    .getByTestId("product-card")
    .getByRole("button", { name: /^Add .* to cart$/ })
    .first()
    .click();
  await expect(badge(page)).toHaveText("2");

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(badge(page)).toHaveText("0");
  await signIn(page, email, password, "/cart");
  await expect(page.getByTestId("cart-line")).toHaveCount(2);

  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout/);
  await page.getByLabel("Full name").fill("Jo Journey");
  await page.getByLabel("Address", { exact: true }).fill("221B Baker Street");
  await page.getByLabel("Town or city").fill("London");
  await page.getByLabel("Postcode").fill("nw1 6xe");
  if (isMobile()) await page.getByRole("button", { name: "Continue to delivery" }).click();
  const bike = page.getByTestId("delivery-bike");
  await expect(bike).toContainText("Eco");
  await expect(bike).toContainText(/CO2/);
  await bike.click();
  if (isMobile()) await page.getByRole("button", { name: "Continue to review" }).click();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByTestId("order-placed")).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Order /, "");
  expect(number).toMatch(/^H\d{6}$/);
  await expect(badge(page)).toHaveText("0");
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-list").getByRole("link").first()).toContainText(number);

  await page.goto(`/account/orders/${number}`);
  await page.getByRole("link", { name: "Track live" }).click();
  await expect(page).toHaveURL(new RegExp(`/track/${number}`));
  await expect(page.getByTestId("tracking-status")).toHaveText("Order placed");

  const sim = runSimulator(number, baseURL!);
  try {
    // Each step arrives over the live stream: the page is never reloaded.
    await expect(page.getByTestId("tracking-status")).toHaveText("Out for delivery", { timeout: 60_000 });
    await expect(page.getByTestId("courier")).toBeVisible();
    await expect(page.getByTestId("tracking-status")).toHaveText("Delivered", { timeout: 60_000 });
    expect(await sim.done).toBe(0);
  } finally {
    sim.kill();
  }
  await expect(page.getByTestId("timeline")).toContainText("Packed");

  await page.goto("/account");
  await page
    .getByTestId("rate-prompt")
    .getByRole("link", { name: `Rate order ${number}` })
    .click();
  const form = page.getByTestId("csat-form");
  // Tap the star labels, as a shopper does.
  await form.getByRole("group", { name: "The order" }).locator("label").filter({ hasText: "5 out of 5" }).click();
  await form.getByRole("group", { name: "The delivery" }).locator("label").filter({ hasText: "4 out of 5" }).click();
  await expect(form.getByRole("radio", { name: "5 out of 5" }).first()).toBeChecked();
  await form.getByLabel("Anything to add?").fill("Arrived by bike, lovely.");
  await form.getByRole("button", { name: "Send rating" }).click();
  await expect(form.getByRole("status")).toHaveText("Thank you for rating your order!");
});

test("another customer gets a 404 for my order and its tracking", async ({ page, browser }) => {
  // Demo customer 12583 has imported orders; customer 17850 may not see them.
  await signIn(page, "customer12583@hearth.example", "hearth-demo");
  await page.goto("/account/orders");
  const first = page.getByTestId("order-list").getByRole("link").first();
  const number = (await first.innerText()).match(/(?:Order|Refund) (\S+)/)![1]!;

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await signIn(p2, "customer17850@hearth.example", "hearth-demo");
  expect((await p2.goto(`/account/orders/${number}`))?.status()).toBe(404);
  expect((await p2.goto(`/track/${number}`))?.status()).toBe(404);
  expect((await p2.request.get(`/api/track/${number}/stream`)).status()).toBe(404);
  await other.close();
});
