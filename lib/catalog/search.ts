import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import type { Db, DbOrTx } from "@/lib/db";
import type { ProductCard } from "./listing";
import { cardColumns } from "./sql";
import { PER_PAGE } from "./params";

export type SearchResult = {
  query: string;
  /** The query after typo correction, when it changed ("candel holder" → "candle holder"). */
  corrected: string | null;
  items: ProductCard[];
  total: number;
  /** More than MATCH_CAP products match: total counts the ones read, and the shop says "1,000+". */
  capped: boolean;
  page: number;
  pageCount: number;
  mode: "all-words" | "any-word" | "similar" | "none";
};

const MAX_WORDS = 8;

export function queryWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** Optimal-string-alignment distance: edits, with a swap of two neighbours counting once ("lihgt"→"light" is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

type Candidate = { word: string; documents: number };

/** The closest catalogue word within 1 edit (2 for words of 7+ letters); ties go to the commoner word. */
export function pickCorrection(word: string, candidates: Candidate[]): string | null {
  const budget = word.length >= 7 ? 2 : 1;
  let best: { word: string; distance: number; documents: number } | null = null;
  for (const c of candidates) {
    const distance = editDistance(word, c.word);
    if (distance > budget) continue;
    if (!best || distance < best.distance || (distance === best.distance && c.documents > best.documents)) {
      best = { word: c.word, distance, documents: c.documents };
    }
  }
  return best?.word ?? null;
}

/**
 * Maps each word the catalogue does not know (by stem) to its nearest catalogue word: trigram
 * similarity finds candidates, edit distance and word frequency choose. Known words, numbers and
 * words with no near neighbour are kept as typed.
 */
export async function correctWords(db: DbOrTx, words: string[]): Promise<string[]> {
  if (!words.length) return [];
  const { rows } = await db.execute<{ i: number; word: string | null; documents: number | null }>(sql`
    select t.i::int as i, c.word, c.documents
      from unnest(${sql`array[${sql.join(
        words.map((w) => sql`${w}`),
        sql`, `,
      )}]::text[]`}) with ordinality as t(w, i)
      left join lateral (
        select l.word, l.documents from search_lexicon l
         where similarity(l.word, t.w) > 0.15
         order by similarity(l.word, t.w) desc, l.documents desc
         limit 25) c on true
     where length(t.w) >= 3 and t.w !~ '^[0-9]+$'
       and not exists (select 1 from search_lexicon l
                        where l.stem = coalesce((select lexeme from unnest(to_tsvector('english', t.w)) limit 1), t.w))`);
  const candidates = new Map<number, Candidate[]>();
  for (const r of rows) {
    const list = candidates.get(r.i) ?? [];
    if (r.word) list.push({ word: r.word, documents: r.documents ?? 0 });
    candidates.set(r.i, list);
  }
  return words.map((w, idx) => {
    const list = candidates.get(idx + 1);
    return list ? (pickCorrection(w, list) ?? w) : w;
  });
}

/**
 * Matches read per search, at most. Reading and ranking cost grows with every match, and a broad
 * word in a large catalogue ("heart" in 100k products: 7k) would otherwise cost a full scan for a
 * list no shopper pages through; past the cap the count reads "1,000+" and filters narrow it.
 */
export const MATCH_CAP = 1000;
/** The best sellers always considered, so a capped search never misses the shop's favourites. */
export const POPULAR_POOL = 500;

type Hit = { id: number; total: number; capped: boolean };

/**
 * One page of matches and their count, in one statement: up to MATCH_CAP matches as the index
 * yields them plus any of the POPULAR_POOL best sellers that match, ranked; then the page's cards
 * are read by id. A page past the end falls back to the last one.
 */
async function runQuery(db: DbOrTx, match: SQL, rank: SQL, page: number) {
  const read = async (p: number): Promise<Hit[]> => {
    const { rows } = await db.execute<Hit>(sql`
      with scanned as (
        select ${products.id} as id from ${products}
         where ${products.status} = 'active' and ${match}
         limit ${MATCH_CAP + 1}),
      popular as (
        -- The alias lets the same match expression run on the best sellers.
        select id from (select * from ${products} where ${products.status} = 'active'
                         order by ${products.unitsSold} desc, ${products.id} limit ${POPULAR_POOL}) as products
         where ${match}),
      candidates as (select id from scanned union select id from popular)
      select ${products.id} as id, count(*) over ()::int as total, (select count(*) from scanned) > ${MATCH_CAP} as capped
        from candidates join ${products} on ${products.id} = candidates.id
       order by ${rank} desc, ${products.id}
       limit ${PER_PAGE} offset ${(p - 1) * PER_PAGE}`);
    return rows.map((r) => ({ id: Number(r.id), total: Number(r.total), capped: Boolean(r.capped) }));
  };
  let hits = await read(page);
  let current = page;
  if (!hits.length && page > 1) {
    const first = await read(1);
    current = first.length ? Math.ceil(first[0]!.total / PER_PAGE) : 1;
    hits = current === 1 ? first : await read(current);
  }
  const total = hits[0]?.total ?? 0;
  if (!total) return { items: [], total: 0, capped: false, page: 1, pageCount: 1 };
  const cards = await db
    .select(cardColumns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(
      inArray(
        products.id,
        hits.map((h) => h.id),
      ),
    );
  const byId = new Map(cards.map((c) => [c.id, c]));
  const items = hits.flatMap((h) => byId.get(h.id) ?? []);
  return { items, total, capped: hits[0]!.capped, page: current, pageCount: Math.ceil(total / PER_PAGE) };
}

/**
 * Full-text search over title (weight A), category/colour/material words (B) and description (C),
 * with typo correction through the catalogue's own vocabulary and a trigram fallback. Ranking blends
 * text rank, title similarity and a little popularity.
 */
export async function searchProducts(db: Db, rawQuery: string, page = 1): Promise<SearchResult> {
  const query = rawQuery.trim();
  const words = queryWords(query);
  if (!words.length) return { query, corrected: null, items: [], total: 0, capped: false, page: 1, pageCount: 1, mode: "none" };
  return db.transaction(async (tx) => {
    // The catalogue is read from memory, where a random read costs about what a sequential one
    // does (PostgreSQL's advice for cached data). At the default of 4, a word in 5% of 100k products
    // already tips the planner into checking every row's text instead of using the GIN index.
    await tx.execute(sql`set local random_page_cost = 1.1`);
    return searchIn(tx, query, words, page);
  });
}

async function searchIn(db: DbOrTx, query: string, words: string[], page: number): Promise<SearchResult> {
  const fixedWords = await correctWords(db, words);
  const text = fixedWords.join(" ");
  const corrected = fixedWords.some((w, i) => w !== words[i]) ? text : null;

  const popularity = sql`0.02 * ln(1 + ${products.unitsSold})`;
  const titleSim = sql`similarity(lower(${products.title}), ${text})`;
  const sku = sql`(${products.sku} = upper(${query}))::int`;

  const all = sql`plainto_tsquery('english', ${text})`;
  let result = await runQuery(
    db,
    sql`(${products.search} @@ ${all} or ${products.sku} = upper(${query}))`,
    sql`${sku} * 10 + ts_rank_cd(${products.search}, ${all}) + 0.5 * ${titleSim} + ${popularity}`,
    page,
  );
  if (result.total) return { query, corrected, ...result, mode: "all-words" };

  // No product has every word: rank those with any of them, most words first.
  const any = sql`replace(plainto_tsquery('english', ${text})::text, '&', '|')::tsquery`;
  result = await runQuery(db, sql`${products.search} @@ ${any}`, sql`ts_rank_cd(${products.search}, ${any}) + 0.5 * ${titleSim} + ${popularity}`, page);
  if (result.total) return { query, corrected, ...result, mode: "any-word" };

  // Last resort: titles that look like the query.
  result = await runQuery(db, sql`lower(${products.title}) % ${query.toLowerCase()}`, titleSim, page);
  return { query, corrected, ...result, mode: result.total ? "similar" : "none" };
}
