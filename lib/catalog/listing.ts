import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { categories, productImages, products } from "@/db/schema";
import type { Db } from "@/lib/db";
import { textArray } from "@/lib/db/arrays";
import { PER_PAGE, type ListingParams } from "./params";
import { cardColumns, sellable } from "./sql";

/** What a product card needs; plain JSON so it can be cached. */
export type ProductCard = {
  id: number;
  sku: string;
  slug: string;
  title: string;
  pricePence: number;
  compareAtPence: number | null;
  stock: number;
  lowStockThreshold: number;
  categorySlug: string;
  colors: string[];
  /** 0: generated art; else the uploaded pictures' version (in their URLs). */
  imageVersion: number;
};

const ORDER_BY: Record<ListingParams["sort"], SQL[]> = {
  popular: [desc(products.unitsSold), asc(products.id)],
  new: [desc(products.launchedAt), asc(products.id)],
  "price-asc": [asc(products.pricePence), asc(products.id)],
  "price-desc": [desc(products.pricePence), asc(products.id)],
  // Case-insensitive, and the same on every server whatever its locale.
  name: [sql`lower(${products.title}) collate "C"`, asc(products.id)],
};

export type Facets = {
  categories: { slug: string; name: string; count: number }[];
  colors: { value: string; count: number }[];
  price: { minPence: number; maxPence: number };
};

export type Listing = {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  facets: Facets;
};

type Filter = Partial<Pick<ListingParams, "category" | "color" | "min" | "max" | "inStock">>;

function where(f: Filter, skip?: "category" | "color"): SQL | undefined {
  return and(
    eq(products.status, "active"),
    skip !== "category" && f.category ? eq(categories.slug, f.category) : undefined,
    skip !== "color" && f.color?.length ? sql`${products.colors} && ${textArray(f.color)}` : undefined,
    f.min !== undefined ? gte(products.pricePence, f.min) : undefined,
    f.max !== undefined ? lte(products.pricePence, f.max) : undefined,
    f.inStock ? sql`${products.stock} > 0` : undefined,
  );
}

/**
 * One page of active products with facet counts. Each facet counts with every other filter applied
 * but its own (so choosing "red" still shows how many are blue).
 */
export async function findProducts(db: Db, p: ListingParams): Promise<Listing> {
  const base = db.select(cardColumns).from(products).innerJoin(categories, eq(categories.id, products.categoryId));
  const [countRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(where(p));
  const total = countRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(p.page, pageCount);

  const [items, categoryCounts, colorCounts, price] = await Promise.all([
    base
      .where(where(p))
      .orderBy(...ORDER_BY[p.sort])
      .limit(PER_PAGE)
      .offset((page - 1) * PER_PAGE),
    db
      .select({ slug: categories.slug, name: categories.name, count: sql<number>`count(${products.id})::int` })
      .from(categories)
      .leftJoin(products, and(eq(products.categoryId, categories.id), where(p, "category")))
      .groupBy(categories.id)
      .orderBy(asc(categories.sortOrder)),
    db.execute<{ value: string; count: number }>(sql`
      select c as value, count(*)::int as count
        from ${products} inner join ${categories} on ${categories.id} = ${products.categoryId},
             unnest(${products.colors}) as c
       where ${where(p, "color")}
       group by c order by count(*) desc, c`),
    db
      .select({ min: sql<number>`coalesce(min(${products.pricePence}), 0)::int`, max: sql<number>`coalesce(max(${products.pricePence}), 0)::int` })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(where({ category: p.category })),
  ]);

  return {
    items,
    total,
    page,
    pageCount,
    facets: {
      categories: categoryCounts,
      colors: colorCounts.rows,
      price: { minPence: price[0]?.min ?? 0, maxPence: price[0]?.max ?? 0 },
    },
  };
}

export async function findCategories(db: Db) {
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      name: categories.name,
      description: categories.description,
      count: sql<number>`count(${products.id})::int`,
      // A best-selling product gives each category its picture.
      coverSku: sql<string | null>`(array_agg(${products.sku} order by ${products.unitsSold} desc) filter (where ${products.id} is not null))[1]`,
    })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.status, "active")))
    .groupBy(categories.id)
    .orderBy(asc(categories.sortOrder));
}

export async function findBestsellers(db: Db, limit: number): Promise<ProductCard[]> {
  return db
    .select(cardColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(sellable())
    .orderBy(desc(products.unitsSold), asc(products.id))
    .limit(limit);
}

export async function findNewIn(db: Db, limit: number): Promise<ProductCard[]> {
  return db
    .select(cardColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(sellable())
    .orderBy(desc(products.launchedAt), asc(products.id))
    .limit(limit);
}

export type ProductDetail = ProductCard & {
  description: string;
  materials: string[];
  tags: string[];
  categoryId: number;
  categoryName: string;
  updatedAt: string;
  /** Alt texts of the uploaded pictures, in order; empty for generated art. */
  images: string[];
};

export async function findProductBySlug(db: Db, slug: string): Promise<ProductDetail | null> {
  const p = await findProductRow(db, slug);
  if (!p) return null;
  // Uploaded pictures' alt texts, in order (none: the generated art's three views).
  const images = p.imageVersion
    ? await db.select({ alt: productImages.alt }).from(productImages).where(eq(productImages.productId, p.id)).orderBy(asc(productImages.position), asc(productImages.id))
    : [];
  return { ...p, images: images.map((i) => i.alt) };
}

async function findProductRow(db: Db, slug: string) {
  const [row] = await db
    .select({
      ...cardColumns,
      description: products.description,
      materials: products.materials,
      tags: products.tags,
      categoryId: products.categoryId,
      categoryName: categories.name,
      updatedAt: sql<string>`${products.updatedAt}::text`,
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.status, "active")))
    .limit(1);
  return row ?? null;
}

/** Other products of the same category, those sharing a colour first. */
export async function findRelated(db: Db, p: Pick<ProductDetail, "id" | "categoryId" | "colors">, limit: number) {
  return (
    db
      .select(cardColumns)
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.status, "active"), eq(products.categoryId, p.categoryId), sql`${products.id} <> ${p.id}`))
      // PostgreSQL refuses a constant in ORDER BY: the colour key only when there are colours.
      .orderBy(...[...(p.colors.length ? [desc(sql`${products.colors} && ${textArray(p.colors)}`)] : []), desc(products.unitsSold), asc(products.id)])
      .limit(limit)
  );
}

export async function findSitemapProducts(db: Db) {
  return db.select({ slug: products.slug, updatedAt: products.updatedAt }).from(products).where(eq(products.status, "active")).orderBy(asc(products.id)).limit(45_000);
}

export async function findImageSubject(db: Db, sku: string) {
  const [row] = await db
    .select({ sku: products.sku, title: products.title, categorySlug: categories.slug, colors: products.colors, materials: products.materials })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.sku, sku))
    .limit(1);
  return row ?? null;
}
