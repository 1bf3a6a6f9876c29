import { CATEGORIES, colorsOf, materialsOf } from "./categories";
import { describeProduct, searchTextOf } from "./describe";
import { productSlug } from "./text";

/**
 * Synthetic products for scale tests and benchmarks: plausible home-décor titles from a fixed
 * vocabulary, deterministic for a seed. SKUs start with "G" so they never clash with real codes.
 */

const NOUNS: Record<string, string[]> = {
  lighting: ["Lantern", "Table Lamp", "Fairy Lights", "String Lights", "Night Light", "Lamp Shade"],
  "candles-fragrance": ["Candle Holder", "Pillar Candle", "T-Light Holder", "Scented Candle", "Incense Holder"],
  "kitchen-dining": ["Mug", "Cake Tin", "Teapot", "Serving Bowl", "Dinner Plate", "Tea Towel Set", "Jug"],
  storage: ["Storage Box", "Basket", "Trinket Box", "Coat Hooks", "Storage Jar", "Crate"],
  "wall-decor-signs": ["Metal Sign", "Photo Frame", "Wall Clock", "Mirror", "Wall Plaque"],
  textiles: ["Cushion Cover", "Throw", "Doormat", "Hot Water Bottle", "Apron"],
  garden: ["Planter", "Watering Can", "Bird House", "Garden Trowel", "Flower Pot"],
  seasonal: ["Christmas Bauble", "Advent Calendar", "Easter Decoration", "Christmas Wreath"],
  "gifts-wrap": ["Gift Wrap", "Gift Tags", "Greeting Card", "Party Bunting", "Notebook"],
  bags: ["Jumbo Bag", "Tote Bag", "Lunch Bag", "Shopper"],
  "home-accents": ["Doorstop", "Vase", "Ornament", "Hanging Heart", "Figurine"],
};
const ADJECTIVES = [
  "Vintage",
  "Rustic",
  "Hanging",
  "Floral",
  "Retro",
  "Scandi",
  "Moroccan",
  "Regency",
  "Botanical",
  "Polka Dot",
  "Striped",
  "Heart",
  "Star",
  "Antique",
  "French",
  "Nordic",
  "Woodland",
  "Spotty",
  "Paisley",
  "Gingham",
];
const COLOURS = ["Red", "Pink", "Blue", "Green", "White", "Ivory", "Black", "Grey", "Silver", "Gold", "Yellow", "Orange", "Purple", "Natural"];
const MATERIALS = ["Wooden", "Zinc", "Glass", "Ceramic", "Enamel", "Wicker", "Cotton", "Felt", "Paper", "Metal", ""];
const SIZES = ["", "", "Small", "Large", "Set of 3", "Mini", "Jumbo"];

/** mulberry32: a tiny, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export type GeneratedProduct = {
  sku: string;
  slug: string;
  title: string;
  description: string;
  categorySlug: string;
  colors: string[];
  materials: string[];
  searchText: string;
  pricePence: number;
  stock: number;
  unitsSold: number;
  launchedAt: Date;
};

export function generateProduct(index: number, seed = 1): GeneratedProduct {
  const r = prng(seed * 1_000_003 + index);
  const category = pick(r, CATEGORIES).slug;
  const title = [pick(r, SIZES), pick(r, ADJECTIVES), pick(r, COLOURS), pick(r, MATERIALS), pick(r, NOUNS[category] ?? NOUNS["home-accents"]!)].filter(Boolean).join(" ");
  const sku = `G${String(index).padStart(7, "0")}`;
  const draft = { title, categorySlug: category, colors: colorsOf(title), materials: materialsOf(title) };
  return {
    sku,
    slug: productSlug(title, sku),
    title,
    description: describeProduct(draft),
    categorySlug: category,
    colors: draft.colors,
    materials: draft.materials,
    searchText: searchTextOf(draft),
    pricePence: 50 + Math.floor(r() * r() * 6000),
    stock: r() < 0.05 ? 0 : Math.floor(r() * 300),
    // Long-tailed popularity, like real catalogues.
    unitsSold: Math.floor(Math.pow(r(), 4) * 5000),
    launchedAt: new Date(Date.UTC(2010, 11, 1) + Math.floor(r() * 270 * 86_400_000)),
  };
}
