import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { products, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { csvField, exportProductsCsv } from "./csv";

/** CSV export and all-or-nothing import through the server action (session stand-in, real database). */
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ updateTag: () => {} }));
vi.mock("next/navigation", () => ({ redirect: () => {} }));
const { importProductsAction } = await import("./admin-actions");

let db: Db;
const importCsv = (text: string) => importProductsAction(null, formData({ file: new File([text], "products.csv", { type: "text/csv" }) }));
const snapshot = async () => (await db.select().from(products).orderBy(products.id)).map(({ updatedAt: _u, search: _s, ...p }) => p);
const HEADER = "sku,title,slug,description,price,compare_at_price,category,tags,colors,materials,status,low_stock_threshold,stock";

beforeAll(async () => {
  db = await createTestDb();
  await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 3000, stock: 4 }]);
  await db.update(products).set({ description: '=HYPERLINK("http://evil")', tags: ["gift", "brass"] });
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("product CSV", () => {
  it("exports every column, quoting as needed and defusing spreadsheet formulas", async () => {
    const csv = await exportProductsCsv(db);
    const [head, row] = csv.trim().split("\r\n");
    expect(head).toBe(HEADER);
    expect(row).toBe(`L1,Brass Lamp,brass-lamp-l1,"'=HYPERLINK(""http://evil"")",30.00,,lighting,"gift, brass",,,active,5,4`);
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField("plain")).toBe("plain");
  });

  it("reports every broken row with its line and changes nothing", async () => {
    const before = await snapshot();
    const r = await importCsv(
      [
        HEADER,
        "N1,Linen Cushion,,Soft,18.00,,textiles,,,linen,active,5,10",
        "N2,Mug,,,-4,,kitchen-dining,,,,active,5,1",
        "N3,Vase,,,9.00,,spaceships,,,,active,5,1",
        "N1,Linen Cushion again,,,18.00,,textiles,,,,active,5,1",
        "N5,<script>x</script>,,,5.00,,lighting,,,,active,5,-2",
      ].join("\n"),
    );
    expect(r).toMatchObject({ ok: false, error: "4 rows need fixing; nothing was imported." });
    const details = (r as { details: { line: number; messages: string[] }[] }).details;
    expect(details.map((d) => d.line)).toEqual([3, 4, 5, 6]);
    expect(details[0]!.messages.join()).toContain("no minus sign");
    expect(details[1]!.messages.join()).toContain("Unknown category “spaceships”");
    expect(details[2]!.messages.join()).toContain("also on line 2");
    expect(details[3]!.messages.join()).toContain("Stock");
    expect(await snapshot()).toEqual(before);
    expect(await importCsv("sku,title\nX1,No price")).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("price, category")] } });
    expect(await importCsv('sku,title,price,category\n"unterminated,x,1.00,lighting')).toMatchObject({
      ok: false,
      fieldErrors: { file: [expect.stringContaining("not valid CSV")] },
    });
  });

  it("creates new codes and updates known ones in one go; an exported file imports back unchanged", async () => {
    const r = await importCsv(
      [HEADER, "N1,Linen Cushion,,Soft,18.00,24.00,Textiles,home,natural,linen,active,3,10", "L1,Brass Table Lamp,brass-lamp-l1,Warm,32.50,,lighting,,,brass,active,5,999"].join(
        "\n",
      ),
    );
    expect(r).toMatchObject({ ok: true, data: { message: "Imported 2 rows: 1 new, 1 updated." } });
    const [cushion] = await db.select().from(products).where(eq(products.sku, "N1"));
    expect(cushion).toMatchObject({ title: "Linen Cushion", pricePence: 1800, compareAtPence: 2400, stock: 10, lowStockThreshold: 3, tags: ["home"] });
    const [lamp] = await db.select().from(products).where(eq(products.sku, "L1"));
    expect(lamp).toMatchObject({ title: "Brass Table Lamp", pricePence: 3250, stock: 4 }); // stock of a known product is left to inventory
    const before = await snapshot();
    expect(await importCsv((await exportProductsCsv(db)).replace("'=HYPERLINK", "=HYPERLINK"))).toMatchObject({ ok: true });
    expect((await snapshot()).map(({ description: _d, ...p }) => p)).toEqual(before.map(({ description: _d, ...p }) => p));
  });

  it("a row that clashes at write time (an address another product has) rolls the whole file back", async () => {
    const count = Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from products`)).rows[0]!.n);
    const r = await importCsv([HEADER, "N7,Oak Tray,,,12.00,,kitchen-dining,,,,active,5,1", "N8,Other Tray,brass-lamp-l1,,12.00,,kitchen-dining,,,,active,5,1"].join("\n"));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining("Line 3 (N8)") });
    expect(Number((await db.execute<{ n: number }>(sql`select count(*)::int as n from products`)).rows[0]!.n)).toBe(count);
  });
});
