import { devices, expect, test, type Browser } from "@playwright/test";
import { badge, mailText, signIn, signUp, staffLogin, uniqueEmail } from "./helpers";

const isMobile = () => test.info().project.name === "mobile";

/** Staff work at a desktop, whatever device the customer uses. */
async function staffPage(browser: Browser) {
  const ctx = await browser.newContext({ ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, staffLogin.email, staffLogin.password, "/admin/orders");
  return { page, close: () => ctx.close() };
}

test("staff ship an order from the fulfilment view; the customer returns a line; staff approve, receive and refund it", async ({ page, browser }) => {
  test.skip(!staffLogin.password, "needs ADMIN_EMAIL/ADMIN_PASSWORD, which npm test sets");
  test.setTimeout(240_000);
  const email = uniqueEmail("returner");
  await signUp(page, { name: "Rae Returner", email, password: "returns password 123", next: "/shop" });
  await page.goto("/product/white-hanging-heart-t-light-holder-85123a");
  await page.getByLabel("Quantity").fill("3");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(badge(page)).toHaveText("3");
  await page.goto("/checkout");
  await page.getByLabel("Full name").fill("Rae Returner");
  await page.getByLabel("Phone (for the courier)").fill("07700 900456");
  await page.getByLabel("Address", { exact: true }).fill("221B Baker Street");
  await page.getByLabel("Town or city").fill("London");
  await page.getByLabel("Postcode").fill("NW1 6XE");
  if (isMobile()) await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByTestId("delivery-bike").click();
  if (isMobile()) await page.getByRole("button", { name: "Continue to review" }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByTestId("order-placed")).toBeVisible();
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Order /, "");

  // Staff: everything to ship it on one page, a printable slip, and the bulk "dispatched".
  const staff = await staffPage(browser);
  await staff.page.goto(`/admin/orders/${number}`);
  await expect(staff.page.getByTestId("ship-to")).toContainText("221B Baker Street");
  await expect(staff.page.getByTestId("ship-to")).toContainText("NW1 6XE");
  await expect(staff.page.getByTestId("ship-phone")).toHaveText("07700 900456");
  await expect(staff.page.getByTestId("order-lines")).toContainText("85123A");
  await expect(staff.page.getByTestId("order-totals")).toContainText("Includes VAT");
  await staff.page.getByRole("link", { name: "Packing slip" }).click();
  await expect(staff.page.getByTestId("packing-slip")).toContainText("221B Baker Street");
  await staff.page.emulateMedia({ media: "print" });
  await expect(staff.page.getByRole("button", { name: "Print packing slip" })).toBeHidden();
  await expect(staff.page.getByRole("navigation", { name: "Admin" })).toBeHidden();
  await staff.page.screenshot({ path: test.info().outputPath("packing-slip-print.png"), fullPage: true });
  await staff.page.emulateMedia({ media: "screen" });

  await staff.page.goto(`/admin/orders?q=${number}`);
  await staff.page.getByLabel(`Select order ${number}`).check();
  await staff.page.getByRole("button", { name: "Mark dispatched" }).click();
  await expect(staff.page.getByTestId("bulk-status").getByRole("status")).toContainText("1 order marked dispatched.");
  await staff.page.goto(`/admin/orders/${number}`);
  await staff.page.getByRole("button", { name: "Mark out for delivery" }).click();
  await expect(staff.page.getByRole("button", { name: "Mark delivered" })).toBeVisible();
  await staff.page.getByRole("button", { name: "Mark delivered" }).click();
  await expect(staff.page.getByText("No further steps: this shipment is finished.")).toBeVisible();

  // The customer asks to return one of the three.
  await page.goto(`/account/orders/${number}`);
  await page.getByRole("button", { name: "Return items" }).click();
  const form = page.getByTestId("return-form");
  await form.getByLabel("Quantity").selectOption("1");
  await form.getByLabel("Reason").selectOption({ label: "Arrived damaged" });
  await form.getByLabel("Anything we should know? (optional)").fill("One arrived with a crack");
  await page.getByRole("button", { name: "Ask for a return" }).click();
  await expect(page.getByRole("status").filter({ hasText: "we've got your return request" })).toBeVisible();

  // Staff approve it, receive the parcel and refund it.
  await staff.page.goto("/admin/returns");
  const ret = staff.page.getByTestId("return").filter({ hasText: `order ${number}` });
  await expect(ret).toContainText("One arrived with a crack");
  await ret.getByRole("button", { name: "Approve return" }).click();
  await expect(ret.getByTestId("return-status")).toHaveText("approved");
  await ret.getByRole("button", { name: "Mark parcel received" }).click();
  await expect(ret.getByTestId("return-status")).toHaveText("received");
  await ret.getByRole("button", { name: "Issue refund" }).click();
  await expect(ret.getByTestId("return-status")).toHaveText("refunded");
  await staff.close();

  // The customer sees the refund and gets its email.
  await page.goto(`/account/orders/${number}`);
  await expect(page.getByTestId("return-state")).toHaveText("Refunded");
  await expect(page.getByTestId("return-refund")).toContainText(/Refund R\d+: £\d+\.\d{2}/);
  const mail = await mailText(browser, email, `Your refund for order ${number}`);
  expect(mail).toContain("We've refunded");
  await page.goto("/account/orders");
  await expect(page.getByTestId("order-list")).toContainText(number);
});
