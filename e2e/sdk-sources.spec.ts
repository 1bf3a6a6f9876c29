import { Analytics } from "@segment/analytics-node";
import RudderAnalytics from "@rudderstack/rudder-sdk-node";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signUp, staffLogin, uniqueEmail } from "./helpers";

/**
 * The real, unmodified SDKs other systems use to send events, pointed at the test store: Segment's
 * analytics-node at the root, RudderStack's node SDK with a data-plane URL ending in /v1 (as the
 * README tells people to configure it, and as its gzipped, form-labelled requests really are).
 */
type Stored = { type: string; event: string | null; anonymous_id: string | null; properties: Record<string, unknown>; source_id: number | null };
type Export = { customerId: number; tables: { cdp_events: Stored[]; cdp_identities: { anonymous_id: string }[]; cdp_profiles: { traits: Record<string, unknown> }[] } };

async function createSource(page: Page, name: string, userIds: "hearth" | "external") {
  await page.goto("/admin/sources");
  await page.getByLabel("Source name").fill(name);
  await page.getByLabel(/Server-side/).check();
  await page.getByLabel(userIds === "hearth" ? "the Hearth customer number" : /the shop's own customer id/).check();
  await page.getByRole("button", { name: "Create source" }).click();
  return (await page.getByTestId("write-key").textContent())!.trim();
}

test("Segment's and RudderStack's SDKs: identify, track, page, screen, group and alias are stored and stitched", async ({ page, browser, baseURL }) => {
  test.skip(!staffLogin.password, "needs ADMIN_EMAIL/ADMIN_PASSWORD, which npm test sets");
  test.setTimeout(120_000);
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // A customer with analytics consent (the journeys' browsers have it), whose number the export tells.
  const email = uniqueEmail("sdk");
  await signUp(page, { name: "Sid Sdk", email, password: "sdk-customer-password" });
  const exported = async () => (await (await page.request.get("/account/your-data/export")).json()) as Export;
  const customerId = (await exported()).customerId;

  const staff = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await staff.newPage();
  await signIn(admin, staffLogin.email, staffLogin.password, "/admin/sources");
  const segmentKey = await createSource(admin, `Segment app ${tag}`, "hearth");
  const rudderKey = await createSource(admin, `RudderStack CRM ${tag}`, "external");

  const products = [
    { product_id: "85123A", sku: "85123A", name: "White hanging heart t-light holder", price: 2.95, quantity: 2 },
    { product_id: "22423", sku: "22423", name: "Regency cakestand 3 tier", price: 12.75, quantity: 1 },
  ];
  const failures: unknown[] = [];
  const report = (err?: unknown) => {
    if (err) failures.push(err);
  };

  // Segment: the source names customers by Hearth customer number.
  const segment = new Analytics({ writeKey: segmentKey, host: baseURL!, flushAt: 20, flushInterval: 200, maxRetries: 1 });
  segment.on("error", report);
  const userId = String(customerId);
  const segAnon = `seg-anon-${tag}`;
  segment.identify({ userId, anonymousId: segAnon, traits: { favouriteRoom: "kitchen", sdk: "segment" } }, report);
  segment.track({ userId, event: "Wishlist Shared", properties: { sdk: "segment", products } }, report);
  segment.page({ userId, name: "Lookbook", category: "Inspiration", properties: { sdk: "segment", path: "/lookbook" } }, report);
  segment.screen({ userId, name: "Wishlist", properties: { sdk: "segment" } }, report);
  segment.group({ userId, groupId: `household-${tag}`, traits: { name: "The Sdk Household", size: 3 } }, report);
  segment.alias({ userId, previousId: `seg-prev-${tag}` }, report);
  await segment.closeAndFlush({ timeout: 20_000 });

  // RudderStack: the source names customers by the shop's own ids; "crm-…" is unknown to the shop,
  // so its first event starts an external profile, which joins the customer when identify gives their
  // email. (Before that only necessary events are kept: nobody's analytics consent is known.)
  const rudder = new RudderAnalytics(rudderKey, { dataPlaneUrl: `${baseURL}/v1`, flushAt: 20, flushInterval: 200, retryCount: 0, errorHandler: report, logLevel: "error" });
  const crmId = `crm-${tag}`;
  const call = (fn: (cb: (err?: unknown) => void) => void) => new Promise<void>((resolve) => fn((err) => (report(err), resolve())));
  await call((cb) => rudder.track({ userId: crmId, event: "Return Requested", properties: { sdk: "rudderstack", channel: "phone", products } }, cb));
  await call((cb) => rudder.flush(cb));
  await call((cb) => rudder.identify({ userId: crmId, traits: { email, loyalty: "gold" } }, cb));
  await call((cb) => rudder.flush(cb));
  rudder.track({ userId: crmId, event: "Wishlist Shared", properties: { sdk: "rudderstack", products } }, report);
  rudder.page({ userId: crmId, name: "Lookbook", properties: { sdk: "rudderstack" } }, report);
  rudder.screen({ userId: crmId, name: "Wishlist", properties: { sdk: "rudderstack" } }, report);
  rudder.group({ userId: crmId, groupId: `household-${tag}`, traits: { name: "The Sdk Household", pets: 1 } }, report);
  rudder.alias({ userId: crmId, previousId: `rud-prev-${tag}` }, report);
  await call((cb) => rudder.flush(cb));
  await staff.close();

  // The SDKs reported nothing as failed.
  expect(failures).toEqual([]);

  // What was stored, as the customer's own data export shows it (events are written behind the API).
  await expect
    .poll(async () => (await exported()).tables.cdp_events.filter((e) => e.properties.sdk || e.properties.groupId === `household-${tag}`).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(9);
  const data = await exported();
  const events = data.tables.cdp_events;
  for (const sdk of ["segment", "rudderstack"]) {
    const shared = events.find((e) => e.event === "Wishlist Shared" && e.properties.sdk === sdk);
    expect(shared, `${sdk} track`).toBeTruthy();
    expect((shared!.properties.products as { sku: string; quantity: number }[]).map((p) => [p.sku, p.quantity])).toEqual([
      ["85123A", 2],
      ["22423", 1],
    ]);
    expect(
      events.find((e) => e.type === "page" && e.event === "Lookbook" && e.properties.sdk === sdk && !e.properties.screen),
      `${sdk} page`,
    ).toBeTruthy();
    expect(
      events.find((e) => e.type === "page" && e.event === "Wishlist" && e.properties.sdk === sdk && e.properties.screen === true),
      `${sdk} screen`,
    ).toBeTruthy();
  }
  expect(events.filter((e) => e.type === "group" && e.properties.groupId === `household-${tag}`)).toHaveLength(2);
  expect(events.filter((e) => e.type === "alias").map((e) => e.properties.previousId)).toEqual(expect.arrayContaining([`seg-prev-${tag}`, `rud-prev-${tag}`]));
  // The RudderStack event sent before the person was known joined the profile with its external id.
  expect(events.find((e) => e.event === "Return Requested" && e.properties.sdk === "rudderstack")?.anonymous_id).toBe(`user:${crmId}`);

  // What was stitched: the Segment anonymous id, both aliases' previous ids and the external profile.
  expect(data.tables.cdp_identities.map((i) => i.anonymous_id)).toEqual(expect.arrayContaining([segAnon, `seg-prev-${tag}`, `rud-prev-${tag}`, `user:${crmId}`]));
  // Traits from identify and group on the one profile.
  expect(data.tables.cdp_profiles[0]!.traits).toMatchObject({ favouriteRoom: "kitchen", loyalty: "gold", group: { id: `household-${tag}`, name: "The Sdk Household" } });
});
