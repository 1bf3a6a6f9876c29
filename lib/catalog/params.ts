import { z } from "zod";

/**
 * URL search params of listings and search, shared by pages, queries and links. Bad values never
 * fail a page: they fall back to defaults (page=-1 → 1, unknown sort → "popular").
 */
export const SORTS = ["popular", "new", "price-asc", "price-desc", "name"] as const;
export type Sort = (typeof SORTS)[number];
export const PER_PAGE = 24;
export const MAX_PAGE = 10_000;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : []);

const pounds = z.preprocess((v) => {
  const s = first(v);
  if (typeof s !== "string" || !s.trim()) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n < 1_000_000 ? Math.round(n * 100) : undefined;
}, z.number().int().nonnegative().optional());

export const listingParamsSchema = z.object({
  page: z.preprocess((v) => {
    const n = Number(first(v));
    return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
  }, z.number().int()),
  sort: z.preprocess((v) => (SORTS.includes(first(v) as Sort) ? first(v) : "popular"), z.enum(SORTS)),
  color: z.preprocess(
    (v) =>
      [
        ...new Set(
          list(v)
            .map((s) => String(s).trim().toLowerCase())
            .filter((s) => /^[a-z]{2,20}$/.test(s)),
        ),
      ].slice(0, 12),
    z.array(z.string()),
  ),
  category: z.preprocess((v) => {
    const s = first(v);
    return typeof s === "string" && /^[a-z0-9-]{1,60}$/.test(s) ? s : undefined;
  }, z.string().optional()),
  min: pounds,
  max: pounds,
  inStock: z.preprocess((v) => first(v) === "1", z.boolean()),
});
export type ListingParams = z.infer<typeof listingParamsSchema>;

export function parseListingParams(sp: Record<string, string | string[] | undefined>): ListingParams {
  return listingParamsSchema.parse(sp);
}

export const searchParamsSchema = z.object({
  q: z.preprocess((v) => {
    const s = first(v);
    // Keep letters, digits and a little punctuation; trim to a sane length.
    return typeof s === "string"
      ? s
          .replace(/[^\p{L}\p{N}\s'&/-]+/gu, " ")
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, 100)
      : "";
  }, z.string()),
  page: listingParamsSchema.shape.page,
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

export function parseSearchParams(sp: Record<string, string | string[] | undefined>): SearchParams {
  return searchParamsSchema.parse(sp);
}

/** Builds a listing URL from params, dropping defaults so URLs stay short and canonical. */
export function listingHref(base: string, p: Partial<ListingParams>): string {
  const q = new URLSearchParams();
  if (p.category) q.set("category", p.category);
  if (p.color?.length) q.set("color", p.color.join(","));
  if (p.min !== undefined) q.set("min", String(p.min / 100));
  if (p.max !== undefined) q.set("max", String(p.max / 100));
  if (p.inStock) q.set("inStock", "1");
  if (p.sort && p.sort !== "popular") q.set("sort", p.sort);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
