import { and, eq, sql, type SQL } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import type { Db } from "@/lib/db";
import { cardColumns, type ProductCard } from "./listing";
import { PER_PAGE } from "./params";

export type SearchResult = {
  query: string;
  /** The query after typo correction, when it changed ("candel holder" → "candle holder"). */
  corrected: string | null;
  items: ProductCard[];
  total: number;
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
export async function correctWords(db: Db, words: string[]): Promise<string[]> {
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

async function runQuery(db: Db, match: SQL, rank: SQL, page: number) {
  const filter = and(eq(products.status, "active"), match);
  const [countRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .where(filter);
  const total = countRow?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  const current = Math.min(page, pageCount);
  const items = total
    ? await db
        .select(cardColumns)
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(filter)
        .orderBy(sql`${rank} desc`, products.id)
        .limit(PER_PAGE)
        .offset((current - 1) * PER_PAGE)
    : [];
  return { items, total, page: current, pageCount };
}

/**
 * Full-text search over title (weight A), category/colour/material words (B) and description (C),
 * with typo correction through the catalogue's own vocabulary and a trigram fallback. Ranking blends
 * text rank, title similarity and a little popularity.
 */
export async function searchProducts(db: Db, rawQuery: string, page = 1): Promise<SearchResult> {
  const query = rawQuery.trim();
  const words = queryWords(query);
  if (!words.length) return { query, corrected: null, items: [], total: 0, page: 1, pageCount: 1, mode: "none" };

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
