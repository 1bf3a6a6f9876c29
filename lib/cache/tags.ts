/**
 * Every cache tag and lifetime in the store, in one place, so a write expires exactly what it
 * changes. Catalog reads are the same for everyone; personal reads are one customer's and are only
 * ever keyed by that customer's id (never shared across customers).
 */
export const CATALOG_TAGS = {
  all: "catalog",
  categories: "catalog:categories",
  product: (slug: string) => `catalog:product:${slug}`,
  listing: "catalog:listing",
} as const;

/** Seconds a cached catalog read may be served before it is refreshed in the background. */
export const CATALOG_REVALIDATE = 300;

export const PERSONAL_TAGS = {
  /** Every customer's personal reads: a retrain of the recommender, a deal or segment change. */
  all: "personal",
  /** One customer's: their views, cart, orders, sign-in stitching, privacy requests. */
  customer: (userId: number) => `personal:customer:${userId}`,
} as const;

/** Seconds a customer's personal read may be served; every change that matters expires it first. */
export const PERSONAL_REVALIDATE = 600;
