/**
 * Cache tags for catalog reads, built in one place so admin writes revalidate exactly what they
 * change (ARCHITECTURE: caching only for catalog reads, never cart, account or customer data).
 */
export const CATALOG_TAGS = {
  all: "catalog",
  categories: "catalog:categories",
  product: (slug: string) => `catalog:product:${slug}`,
  listing: "catalog:listing",
} as const;

/** Seconds a cached catalog read may be served before it is refreshed in the background. */
export const CATALOG_REVALIDATE = 300;
