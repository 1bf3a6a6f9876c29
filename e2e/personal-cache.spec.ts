import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Each customer's personal parts (For you, deals, recently viewed) are cached per customer: two
 * customers browsing in turn never see each other's, and a view shows up on the next page.
 * Customer 12348 is in the loyal segment (free eco delivery); 12350 is not. Neither is in the
 * control group (lib/recs/holdout.ts).
 */
const ann = { email: "customer12348@hearth.example", name: "Customer 12348" };
const ben = { email: "customer12350@hearth.example", name: "Customer 12350" };

async function customer(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, email, "hearth-demo", "/");
  return page;
}

const forYouIds = async (page: Page) => {
  const rail = page.getByTestId("rail-for_you");
  await expect(rail.getByTestId("product-card").first()).toBeVisible();
  return rail.locator("a[href^='/product/']").evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href") ?? ""))]);
};

test("two customers browsing in turn never see each other's name, For you or deals", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await customer(browser, ann.email);
  const b = await customer(browser, ben.email);
  const seen: Record<string, string[][]> = { a: [], b: [] };
  for (let round = 0; round < 2; round++) {
    for (const [key, page, me, other] of [
      ["a", a, ann, ben],
      ["b", b, ben, ann],
    ] as const) {
      await page.goto("/");
      seen[key]!.push(await forYouIds(page));
      const html = await page.content();
      expect(html).not.toContain(other.email);
      expect(html).not.toContain(other.name);
      if (key === "a") await expect(page.getByTestId("my-deals")).toContainText("Free bike or EV delivery");
      else await expect(page.getByText("Free bike or EV delivery")).toHaveCount(0);
      await page.goto("/account");
      await expect(page.getByText(me.name).first()).toBeVisible();
      expect(await page.content()).not.toContain(other.name);
    }
  }
  // Each customer's list is theirs, and stays theirs from one request to the next.
  expect(seen.a![1]).toEqual(seen.a![0]);
  expect(seen.b![1]).toEqual(seen.b![0]);
  expect(seen.b![0]).not.toEqual(seen.a![0]);
  await a.context().close();
  await b.context().close();
});

test("a product a customer just viewed is first in their recently viewed on the next page", async ({ browser }) => {
  const page = await customer(browser, ann.email);
  // Two products in turn, so the first place changes whatever the list held before.
  for (const slug of ["white-hanging-heart-t-light-holder-85123a", "jumbo-bag-red-retrospot-85099b"]) {
    await page.goto(`/product/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    // The view is saved just after the product page is sent.
    await expect(async () => {
      await page.goto("/");
      await expect(page.locator('section[aria-labelledby="recently-viewed"]').getByTestId("product-card").first()).toContainText(title, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }
  await page.context().close();
});
