import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderLines, orders, products, users, importRuns } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { readOrderHistory, ImportFileError } from "./read";
import { DEMO_PASSWORD, demoEmail, writeImport } from "./write";

const FIXTURE = path.join(__dirname, "fixtures", "dirty.csv");
let db: Db;

async function importFile(file: string) {
  return writeImport(db, await readOrderHistory(file), path.basename(file));
}

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(dropTestDb);

describe("importing a dirty Online Retail file", () => {
  let report: Awaited<ReturnType<typeof importFile>>;
  beforeAll(async () => {
    report = await importFile(FIXTURE);
  });

  it("counts every dirty row by reason instead of crashing", () => {
    expect(report.rowsRead).toBe(26);
    expect(report.dirty).toEqual({
      malformed_row: 2,
      duplicate_line: 1,
      stock_adjustment: 2,
      bad_debt_adjustment: 1,
      cancellation_line: 2,
      blank_customer: 3,
      non_product_code: 7,
      lower_case_code: 1,
      zero_price: 1,
      sub_penny_price: 1,
      blank_description: 1,
    });
    expect(report.rejected.map((r) => r.row)).toEqual([23, 24]);
    expect(report.rejected[0]!.reason).toMatch(/InvoiceDate/);
    expect(report.rejected[1]!.reason).toMatch(/Quantity/);
  });

  it("creates one product per stock code, merging case variants, with a clean title and the most common price", async () => {
    const rows = await db.select().from(products).orderBy(asc(products.sku));
    expect(rows.map((p) => p.sku)).toEqual(["21754", "22633", "22960", "22961", "71053", "84029E", "85123A"]);
    const heart = rows.find((p) => p.sku === "85123A")!;
    expect(heart.title).toBe("White Hanging Heart T-Light Holder");
    expect(heart.pricePence).toBe(255);
    expect(heart.slug).toBe("white-hanging-heart-t-light-holder-85123a");
    expect(heart.colors).toEqual(["white"]);
    // Two paid lines at £3.75 and £4.25 (the duplicate and the free line do not count): the lower wins the tie.
    expect(rows.find((p) => p.sku === "22960")!.pricePence).toBe(375);
    expect(rows.find((p) => p.sku === "21754")!.title).toBe('Home Building Block Word "Home"');
    expect(rows.find((p) => p.sku === "22633")!.title).toBe("Hand Warmer Union Jack, Red");
    // Only the internal note "damaged" came with the stock write-off; the sale line's description wins.
    expect(rows.find((p) => p.sku === "84029E")!.title).toBe("Red Woolly Hottie White Heart.");
    expect(rows.every((p) => p.stock >= 0 && p.status === "active")).toBe(true);
  });

  it("puts products in home-decor categories by keyword", async () => {
    const rows = await db.execute<{ sku: string; slug: string }>(sql`select p.sku, c.slug from products p join categories c on c.id = p.category_id order by p.sku`);
    const bySku = Object.fromEntries(rows.rows.map((r) => [r.sku, r.slug]));
    expect(bySku["85123A"]).toBe("candles-fragrance");
    expect(bySku["71053"]).toBe("lighting");
    expect(bySku["22960"]).toBe("kitchen-dining");
  });

  it("keeps non-product codes out of the catalogue", async () => {
    const codes = (await db.select({ sku: products.sku }).from(products)).map((r) => r.sku);
    for (const code of ["POST", "D", "M", "BANK CHARGES", "GIFT_0001_10", "PADS", "DCGSSBOY", "B"]) expect(codes).not.toContain(code);
  });

  it("creates customers with a working demo login", async () => {
    const rows = await db.select().from(users).orderBy(asc(users.externalId));
    expect(rows.map((u) => u.externalId)).toEqual(["12583", "13047", "17850"]);
    const france = rows[0]!;
    expect(france.email).toBe(demoEmail("12583"));
    expect(france.country).toBe("France");
    expect(france.role).toBe("customer");
    expect(await verifyPassword(france.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(france.passwordHash, "wrong")).toBe(false);
  });

  it("imports orders with lines, postage as shipping, and cancellations as refunds", async () => {
    const all = await db.select().from(orders).orderBy(asc(orders.number));
    expect(all.map((o) => o.number)).toEqual(["536365", "536366", "536367", "536368", "536381", "536382", "536385", "536386", "536387", "C536379"]);
    const first = all.find((o) => o.number === "536365")!;
    expect(first).toMatchObject({ kind: "sale", status: "delivered", source: "import", subtotalPence: 3564, shippingPence: 1800, totalPence: 5364 });
    expect(first.placedAt.toISOString()).toBe("2010-12-01T08:26:00.000Z"); // GMT in winter

    const refund = all.find((o) => o.number === "C536379")!;
    expect(refund).toMatchObject({ kind: "refund", status: "refunded", subtotalPence: -678, discountPence: -2750, totalPence: -3428 });

    const guest = all.find((o) => o.number === "536368")!;
    expect(guest.userId).toBeNull();

    // 01:30 on the night the clocks go forward does not exist in London: it resolves to 02:30 BST.
    expect(all.find((o) => o.number === "536386")!.placedAt.toISOString()).toBe("2011-03-27T01:30:00.000Z");

    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, first.id)).orderBy(asc(orderLines.lineNo));
    expect(lines.map((l) => [l.kind, l.sku, l.quantity, l.unitPricePence])).toEqual([
      ["product", "85123A", 6, 255],
      ["product", "71053", 6, 339],
      ["shipping", "POST", 1, 1800],
    ]);
    const fees = await db.select().from(orderLines).innerJoin(orders, eq(orders.id, orderLines.orderId)).where(eq(orders.number, "536381"));
    expect(fees.map((r) => r.order_lines.kind).sort()).toEqual(["fee", "other", "other", "other", "product"]);
  });

  it("derives units sold net of refunds", async () => {
    const [lantern] = await db.select().from(products).where(eq(products.sku, "71053"));
    // 6 sold, 2 returned, 1 more sold on a line with no description.
    expect(lantern!.unitsSold).toBe(5);
  });

  it("is idempotent: a second run adds nothing and changes nothing", async () => {
    const before = await db.execute(sql`select (select count(*) from products) p, (select count(*) from users) u,
      (select count(*) from orders) o, (select count(*) from order_lines) l, (select sum(total_pence) from orders) t`);
    const again = await importFile(FIXTURE);
    expect(again.products.created + again.customers.created + again.orders.created + again.lines.created).toBe(0);
    const after = await db.execute(sql`select (select count(*) from products) p, (select count(*) from users) u,
      (select count(*) from orders) o, (select count(*) from order_lines) l, (select sum(total_pence) from orders) t`);
    expect(after.rows).toEqual(before.rows);
    expect((await db.select().from(importRuns)).length).toBe(2);
  });

  it("reads gzip files too", async () => {
    const gz = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-")), "orders.csv.gz");
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(FIXTURE)));
    const analysis = await readOrderHistory(gz);
    expect(analysis.rowsRead).toBe(26);
    expect(analysis.orders).toHaveLength(10);
  });
});

describe("bad files", () => {
  it("rejects a file without the Online Retail columns and writes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hearth-"));
    const file = path.join(dir, "wrong.csv");
    fs.writeFileSync(file, "id,name\n1,lamp\n");
    const before = await db.execute(sql`select count(*)::int as n from orders`);
    await expect(readOrderHistory(file)).rejects.toThrow(ImportFileError);
    await expect(readOrderHistory(file)).rejects.toThrow(/missing column\(s\) InvoiceNo/);
    expect((await db.execute(sql`select count(*)::int as n from orders`)).rows).toEqual(before.rows);
  });

  it("names a missing file", async () => {
    await expect(readOrderHistory("/no/such/file.csv")).rejects.toThrow(/File not found/);
  });

  it("reports a corrupt gzip file clearly", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hearth-")), "broken.csv.gz");
    fs.writeFileSync(file, Buffer.concat([gzipSync(fs.readFileSync(FIXTURE)).subarray(0, 200)]));
    await expect(readOrderHistory(file)).rejects.toThrow(ImportFileError);
  });
});
