import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { badge, signIn, signUp, staffLogin, uniqueEmail } from "./helpers";
import { orderToken, trackingToken } from "@/lib/orders/tracking-link";

/**
 * axe-core on every page of the app (found from app/**\/page.tsx, so a new page cannot be left
 * out), on phone and desktop: no serious or critical violation of WCAG 2.1 A/AA.
 */
const root = path.resolve(import.meta.dirname, "..");
const pageFiles = fs
  .readdirSync(path.join(root, "app"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === "page.tsx")
  .map((e) =>
    path
      .relative(path.join(root, "app"), e.parentPath)
      .split(path.sep)
      .filter((s) => !/^\(.*\)$/.test(s))
      .join("/"),
  )
  .map((p) => `/${p}`.replace(/\/$/, "") || "/");

type Found = { order: string; product: string; customer: string; deal: string; adminOrder: string };

/** The URL to check for each page route, from values found in the running store. */
const urlFor = (f: Found): Record<string, string> => ({
  "/": "/",
  "/shop": "/shop",
  "/category/[slug]": "/category/candles-fragrance",
  "/product/[slug]": "/product/white-hanging-heart-t-light-holder-85123a",
  "/search": "/search?q=lantern",
  "/cart": "/cart",
  "/checkout": "/checkout",
  "/privacy": "/privacy",
  "/offline": "/offline",
  "/order/[number]": `/order/${f.order}?t=${orderToken(f.order)}`,
  "/sign-in": "/sign-in",
  "/sign-up": "/sign-up",
  "/forgot-password": "/forgot-password",
  "/reset-password": "/reset-password?token=not-a-real-token-at-all",
  "/claim": "/claim?token=not-a-real-token-at-all",
  "/track/[number]": `/track/${f.order}?t=${trackingToken(f.order)}`,
  "/account": "/account",
  "/account/orders": "/account/orders",
  "/account/orders/[number]": `/account/orders/${f.order}`,
  "/account/addresses": "/account/addresses",
  "/account/your-data": "/account/your-data",
  "/admin": "/admin",
  "/admin/audit": "/admin/audit",
  "/admin/customers": "/admin/customers",
  "/admin/customers/[id]": `/admin/customers/${f.customer}`,
  "/admin/deals": "/admin/deals",
  "/admin/deals/new": "/admin/deals/new",
  "/admin/deals/[id]": `/admin/deals/${f.deal}`,
  "/admin/inventory": "/admin/inventory",
  "/admin/orders": "/admin/orders",
  "/admin/orders/[number]": `/admin/orders/${f.adminOrder}`,
  "/admin/orders/[number]/packing-slip": `/admin/orders/${f.adminOrder}/packing-slip`,
  "/admin/orders/pick-list": "/admin/orders/pick-list",
  "/admin/outbox": "/admin/outbox",
  "/admin/products": "/admin/products",
  "/admin/products/new": "/admin/products/new",
  "/admin/products/[id]": `/admin/products/${f.product}`,
  "/admin/returns": "/admin/returns",
  "/admin/segments": "/admin/segments",
  "/admin/segments/new": "/admin/segments/new",
  "/admin/sources": "/admin/sources",
  "/admin/staff": "/admin/staff",
});

async function violations(page: Page, url: string) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/** The first link on `url` whose href matches, as its captured group. */
async function firstLink(page: Page, url: string, pattern: RegExp): Promise<string> {
  await page.goto(url);
  for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
    const m = pattern.exec(href);
    if (m) return m[1]!;
  }
  throw new Error(`no link like ${pattern} on ${url}`);
}

test("every page has no serious or critical accessibility violation", async ({ page, browser }) => {
  test.skip(!staffLogin.password, "needs ADMIN_EMAIL/ADMIN_PASSWORD, which npm test sets");
  test.setTimeout(300_000);
  const found: string[] = [];

  // A shopper with something in the cart and an order of their own (the signed links open it too).
  await signUp(page, { name: "Ada Access", email: uniqueEmail("a11y"), password: "accessible password" });
  await page.goto("/product/white-hanging-heart-t-light-holder-85123a");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("1");
  found.push(...(await violations(page, "/cart")), ...(await violations(page, "/checkout")));
  await page.getByLabel("Full name").fill("Ada Access");
  await page.getByLabel("Address", { exact: true }).fill("221B Baker Street");
  await page.getByLabel("Town or city").fill("London");
  await page.getByLabel("Postcode").fill("nw1 6xe");
  if (test.info().project.name === "mobile") await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByTestId("delivery-bike").click({ timeout: 15_000 });
  if (test.info().project.name === "mobile") await page.getByRole("button", { name: "Continue to review" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("order-placed")).toBeVisible();
  const order = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Order /, "");

  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const staff = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  const admin = await staff.newPage();
  await signIn(admin, staffLogin.email, staffLogin.password, "/admin");
  const values: Found = {
    order,
    adminOrder: order,
    product: await firstLink(admin, "/admin/products", /^\/admin\/products\/(\d+)$/),
    customer: await firstLink(admin, "/admin/customers?q=customer13047@hearth.example", /^\/admin\/customers\/(\d+)$/),
    deal: await firstLink(admin, "/admin/deals", /^\/admin\/deals\/(\d+)$/),
  };
  const urls = urlFor(values);
  // Every page in the app has a URL here.
  expect(pageFiles.filter((p) => !(p in urls))).toEqual([]);

  for (const [route, url] of Object.entries(urls)) {
    if (["/cart", "/checkout"].includes(route)) continue; // checked with the cart full, above
    const who = route.startsWith("/admin") ? admin : page;
    // Pages for visitors are checked signed out as well as in.
    found.push(...(await violations(who, url)));
  }
  await staff.close();
  await page.context().clearCookies();
  for (const url of ["/", "/category/candles-fragrance", "/product/white-hanging-heart-t-light-holder-85123a", "/sign-in", "/sign-up"])
    found.push(...(await violations(page, url)));
  expect(found).toEqual([]);
});
