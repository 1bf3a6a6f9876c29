import { sql } from "drizzle-orm";
import { categories } from "@/db/schema";
import type { Db } from "@/lib/db";
import { CATEGORIES } from "./categories";

/** Creates the built-in categories (keeping any edits to existing ones); returns slug → id. */
export async function ensureCategories(db: Db): Promise<Map<string, number>> {
  await db
    .insert(categories)
    .values(CATEGORIES.map((c, i) => ({ slug: c.slug, name: c.name, description: c.description, sortOrder: i })))
    .onConflictDoNothing({ target: categories.slug });
  const rows = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Recomputes units sold (net of refunds) and launch dates from order lines. */
export async function refreshProductStats(db: Db): Promise<void> {
  await db.execute(sql`
    update products p
       set units_sold = greatest(0, s.units)::int,
           launched_at = least(p.launched_at, s.first_sold)
      from (select l.product_id,
                   sum(l.quantity) as units,
                   min(o.placed_at) filter (where o.kind = 'sale') as first_sold
              from order_lines l join orders o on o.id = l.order_id
             where l.product_id is not null and l.kind = 'product'
             group by l.product_id) s
     where s.product_id = p.id
       and (p.units_sold is distinct from greatest(0, s.units)::int
            or p.launched_at > s.first_sold)`);
}

/** Rebuilds the vocabulary that typo correction maps search words onto. */
export async function refreshSearchLexicon(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_lexicon`);
    await tx.execute(sql`
      insert into search_lexicon (word, stem, documents)
      select w, coalesce((select lexeme from unnest(to_tsvector('english', w)) limit 1), w), count(distinct p.id)::int
        from products p, regexp_split_to_table(lower(p.title || ' ' || p.search_text), '[^a-z0-9]+') as w
       where p.status = 'active' and length(w) >= 3
       group by w`);
  });
}
