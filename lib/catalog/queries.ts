import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { databaseIdentity, getDb } from "@/lib/db";
import { findBestsellers, findCategories, findImageSubject, findNewIn, findProductBySlug, findProducts, findRelated, findSitemapProducts } from "./listing";
import type { ListingParams } from "./params";
import { readImageFile } from "./images";
import { searchProducts } from "./search";
import { CATALOG_REVALIDATE, CATALOG_TAGS } from "@/lib/cache/tags";

/** Cached catalog reads for server components. Results are plain JSON (no Date objects). */
export const cached = <A extends unknown[], R>(key: string, fn: (...args: A) => Promise<R>, tags: string[] = []) =>
  unstable_cache(fn, [key, databaseIdentity()], { tags: [CATALOG_TAGS.all, ...tags], revalidate: CATALOG_REVALIDATE });

export const getCategories = cached("categories", async () => findCategories(await getDb()), [CATALOG_TAGS.categories]);

export const getCategory = cache(async (slug: string) => (await getCategories()).find((c) => c.slug === slug) ?? null);

export const getListing = cached("listing", async (p: ListingParams) => findProducts(await getDb(), p), [CATALOG_TAGS.listing]);

export const getBestsellers = cached("bestsellers", async (limit: number) => findBestsellers(await getDb(), limit), [CATALOG_TAGS.listing]);
export const getNewIn = cached("new-in", async (limit: number) => findNewIn(await getDb(), limit), [CATALOG_TAGS.listing]);

// Per-request memo on top of the data cache: metadata and the page share one read.
export const getProduct = cache((slug: string) => cached("product", async (s: string) => findProductBySlug(await getDb(), s), [CATALOG_TAGS.product(slug)])(slug));

export const getRelated = cached("related", async (id: number, categoryId: number, colors: string[]) => findRelated(await getDb(), { id, categoryId, colors }, 8), [
  CATALOG_TAGS.listing,
]);

export const getImageSubject = cached("image-subject", async (sku: string) => findImageSubject(await getDb(), sku));

export const getSitemapProducts = cached("sitemap", async () => (await findSitemapProducts(await getDb())).map((p) => ({ slug: p.slug, updatedAt: p.updatedAt.toISOString() })));

/** Search is not cached: queries are too varied to reuse, and results must reflect stock now. */
export async function search(q: string, page: number) {
  return searchProducts(await getDb(), q, page);
}

/** An uploaded picture's bytes for the image route (not cached here: the URL is versioned and the browser caches it). */
export async function getUploadedImage(sku: string, position: number, width: number, format: "webp" | "avif") {
  return readImageFile(await getDb(), sku, position, width, format);
}
