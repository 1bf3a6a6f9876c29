/** Text helpers for product titles and URLs. Pure. */

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with", "by"]);
// Tokens that read better left in capitals.
const KEEP_UPPER = /^(led|uk|usa|diy|xl|xxl|abc|ii|iii|iv|3d|b'fly|s\/\d+|set\/\d+|\d+[a-z]?)$/i;

/** "WHITE HANGING HEART T-LIGHT HOLDER " → "White Hanging Heart T-Light Holder". */
export function cleanTitle(raw: string): string {
  const collapsed = raw.replace(/\s+/g, " ").trim();
  if (!collapsed) return "";
  return collapsed
    .split(" ")
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (KEEP_UPPER.test(word)) return word.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      // Capitalise each part of hyphenated and slashed words: "t-light" → "T-Light".
      return lower.replace(/(^|[-/(&+"])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(" ");
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export function productSlug(title: string, sku: string): string {
  const base = slugify(title);
  const code = slugify(sku);
  return base ? `${base}-${code}` : code;
}

/** A small deterministic hash (FNV-1a), for stable per-product choices such as art and demo stock. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
