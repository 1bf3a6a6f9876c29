/**
 * The home-decor categories and the keyword rules that place an imported product in one.
 * Pure data and functions: shared by the importer, the generator and the storefront.
 */
export type CategoryDef = { slug: string; name: string; description: string; rule: RegExp };

// Order matters: the first rule that matches wins ("CHRISTMAS CANDLE" is seasonal, "LUNCH BAG" is a bag).
export const CATEGORIES: readonly CategoryDef[] = [
  {
    slug: "seasonal",
    name: "Seasonal",
    description: "Christmas, Easter and celebration decorations for every time of year.",
    rule: /\b(christmas|xmas|easter|halloween|valentine|advent|bauble|santa|reindeer|snowflakes?|nativity|snowman|elf|festive)\b/i,
  },
  {
    slug: "bags",
    name: "Bags",
    description: "Totes, shoppers, lunch bags and jumbo bags.",
    rule: /\b(bags?|tote|shopper|purse|backpack|rucksack|satchel)\b/i,
  },
  {
    slug: "candles-fragrance",
    name: "Candles & fragrance",
    description: "Candles, tea-light holders, incense and home fragrance.",
    rule: /\b(candles?|t-?lights?|tealights?|incense|fragrance|scented|oil burner|diffuser|wax|candleholder)\b/i,
  },
  {
    slug: "lighting",
    name: "Lighting",
    description: "Lamps, lanterns, fairy and string lights.",
    rule: /\b(lamps?|lights?|lantern|led|chandelier|lampshade|nightlight)\b/i,
  },
  {
    slug: "wall-decor-signs",
    name: "Wall décor & signs",
    description: "Signs, plaques, frames, mirrors and clocks for your walls.",
    rule: /\b(signs?|plaque|frames?|mirror|clock|wall|picture|poster|art print|chalkboard|blackboard|memo board)\b/i,
  },
  {
    slug: "textiles",
    name: "Textiles",
    description: "Cushions, throws, towels, aprons and soft furnishings.",
    rule: /\b(cushion|blanket|throw|towels?|quilt|fabric|felt|hot water bottle|apron|oven glove|curtain|rug|doormat|mat)\b/i,
  },
  {
    slug: "kitchen-dining",
    name: "Kitchen & dining",
    description: "Mugs, plates, bowls, baking and tableware.",
    rule: /\b(mugs?|cups?|saucers?|plates?|bowls?|cake|baking|teapot|tea|coffee|spoons?|cutlery|kitchen|jug|glass(es)?|napkins?|trays?|egg|biscuit|cookie|lunch box|bottle|recipe|jelly|jam|cake stand|chopsticks?|beaker|tumbler|placemats?|coasters?|straws?)\b/i,
  },
  {
    slug: "storage",
    name: "Storage",
    description: "Boxes, tins, baskets, jars and organisers.",
    rule: /\b(box(es)?|tins?|baskets?|jars?|crates?|drawers?|storage|organiser|holder|hooks?|pegs?|rack|hanger|trinket|chest|cabinet|bucket|pot)\b/i,
  },
  {
    slug: "garden",
    name: "Garden",
    description: "Planters, watering cans, bird houses and outdoor pieces.",
    rule: /\b(garden|plant|planter|watering|bird ?house|bird|seeds?|trowel|outdoor|herb|flower ?pot|parasol|windmill|gnome)\b/i,
  },
  {
    slug: "gifts-wrap",
    name: "Gifts & wrap",
    description: "Gift wrap, cards, tags, party goods and stationery.",
    rule: /\b(wrap|gift|cards?|ribbons?|tissue|tags?|party|bunting|paper|stickers?|notebook|stationery|pencils?|pens?|envelopes?|journal|balloons?|confetti|napkin|greeting)\b/i,
  },
  {
    slug: "home-accents",
    name: "Home accents",
    description: "Ornaments, vases, doorstops and the little things that make a home.",
    rule: /.*/,
  },
];

export function categorize(text: string): string {
  const hit = CATEGORIES.find((c) => c.rule.test(text));
  return (hit ?? CATEGORIES[CATEGORIES.length - 1]!).slug;
}

const COLOUR_WORDS: Record<string, string> = {
  red: "red",
  retrospot: "red",
  scarlet: "red",
  cherry: "red",
  pink: "pink",
  rose: "pink",
  fuchsia: "pink",
  blue: "blue",
  navy: "blue",
  turquoise: "blue",
  teal: "blue",
  aqua: "blue",
  green: "green",
  mint: "green",
  lime: "green",
  sage: "green",
  white: "white",
  ivory: "cream",
  cream: "cream",
  black: "black",
  grey: "grey",
  gray: "grey",
  silver: "silver",
  gold: "gold",
  yellow: "yellow",
  orange: "orange",
  purple: "purple",
  lilac: "purple",
  lavender: "purple",
  brown: "brown",
  chocolate: "brown",
  natural: "natural",
  pastel: "pastel",
};

const MATERIAL_WORDS: Record<string, string> = {
  wood: "wood",
  wooden: "wood",
  bamboo: "wood",
  metal: "metal",
  zinc: "metal",
  tin: "metal",
  iron: "metal",
  wire: "metal",
  enamel: "enamel",
  glass: "glass",
  ceramic: "ceramic",
  porcelain: "ceramic",
  china: "ceramic",
  stoneware: "ceramic",
  paper: "paper",
  card: "paper",
  cardboard: "paper",
  cotton: "fabric",
  felt: "fabric",
  linen: "fabric",
  fabric: "fabric",
  velvet: "fabric",
  crochet: "fabric",
  knitted: "fabric",
  wicker: "wicker",
  rattan: "wicker",
  seagrass: "wicker",
  willow: "wicker",
  plastic: "plastic",
  acrylic: "plastic",
  wax: "wax",
  resin: "resin",
  slate: "slate",
  leather: "leather",
};

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

function pick(text: string, dict: Record<string, string>): string[] {
  const out = new Set<string>();
  for (const w of wordsOf(text)) {
    const v = dict[w];
    if (v) out.add(v);
  }
  return [...out].sort();
}

export const colorsOf = (text: string) => pick(text, COLOUR_WORDS);
export const materialsOf = (text: string) => pick(text, MATERIAL_WORDS);

export const KNOWN_COLORS = [...new Set(Object.values(COLOUR_WORDS))].sort();
