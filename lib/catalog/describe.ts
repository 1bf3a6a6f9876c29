import { CATEGORIES } from "./categories";
import { hash32 } from "./text";

export function categoryName(slug: string): string {
  return CATEGORIES.find((c) => c.slug === slug)?.name ?? slug;
}

/** A short, honest product description built from what the source data tells us. */
export function describeProduct(p: { title: string; categorySlug: string; colors: string[]; materials: string[] }): string {
  const parts = [`${p.title}, from our ${categoryName(p.categorySlug).toLowerCase()} range.`];
  if (p.colors.length) parts.push(`Colour: ${p.colors.join(", ")}.`);
  if (p.materials.length) parts.push(`Material: ${p.materials.join(", ")}.`);
  return parts.join(" ");
}

/** The words search should also match for a product, beyond its title. */
export function searchTextOf(p: { title: string; categorySlug: string; colors: string[]; materials: string[] }): string {
  // Shoppers type "tea light" for the trade's "T-LIGHT".
  const synonyms = /\bt-?lights?\b/i.test(p.title) ? ["tealight", "tea light"] : [];
  return [categoryName(p.categorySlug), ...p.colors, ...p.materials, ...synonyms].join(" ");
}

/**
 * Opening stock for an imported product. The source has no stock levels, so a deterministic level
 * is derived from the code and sales: most in stock, some low, a few sold out (so every stock
 * state shows in the demo).
 */
export function openingStock(sku: string, unitsSold: number): number {
  const h = hash32(sku);
  if (h % 23 === 0) return 0;
  if (h % 13 === 0) return 1 + (h % 4);
  return Math.min(500, 12 + Math.round(unitsSold / 20) + (h % 40));
}
