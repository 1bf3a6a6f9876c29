import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { cardSql, sellable } from "@/lib/catalog/sql";
import { saleOrder } from "@/lib/orders/sql";

const render = (q: Parameters<PgDialect["sqlToQuery"]>[0]) => new PgDialect().sqlToQuery(q).sql;

describe("shared SQL predicates", () => {
  it("name the columns through a raw query's alias, or as Drizzle's qualified columns", () => {
    expect(render(saleOrder("o"))).toBe(`(o."kind" = 'sale' and o."status" <> 'cancelled')`);
    expect(render(sellable())).toBe(`("products"."status" = 'active' and "products"."stock" > 0)`);
  });

  it("read a product card's columns in raw SQL under the names ProductCard uses", () => {
    const card = render(cardSql("p", "k"));
    expect(card).toContain(`p."price_pence" as "pricePence"`);
    expect(card).toContain(`k."slug" as "categorySlug"`);
    expect(card).toContain(`p."slug" as "slug"`);
  });

  it("refuse anything but a bare alias, so no input can become SQL", () => {
    expect(() => saleOrder("o; drop table orders")).toThrow(/not a table alias/);
    expect(() => sellable('p"')).toThrow(/not a table alias/);
  });
});
