import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { segmentMemberships, segments, segmentSizes, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { UserError } from "@/lib/result";
import { compileRule, ruleSchema, type Rule } from "@/lib/cdp/audience/rules";

/** Built-in segments: lifecycle stages and RFM groups, expressed in the same rule language as custom ones. */
export const BUILT_IN_SEGMENTS: { slug: string; name: string; kind: "lifecycle" | "rfm"; description: string; rule: Rule }[] = [
  { slug: "new", name: "New customers", kind: "lifecycle", description: "First order in the last 30 days", rule: { field: "lifecycle", op: "eq", value: "new" } },
  {
    slug: "champions",
    name: "Champions",
    kind: "lifecycle",
    description: "Bought in the last 90 days, top-two quintiles for recency and frequency",
    rule: { field: "lifecycle", op: "eq", value: "champion" },
  },
  { slug: "active", name: "Active", kind: "lifecycle", description: "Bought in the last 90 days", rule: { field: "lifecycle", op: "eq", value: "active" } },
  { slug: "at-risk", name: "At risk", kind: "lifecycle", description: "Last order 91–180 days ago", rule: { field: "lifecycle", op: "eq", value: "at_risk" } },
  { slug: "lapsed", name: "Lapsed", kind: "lifecycle", description: "No order for more than 180 days", rule: { field: "lifecycle", op: "eq", value: "lapsed" } },
  { slug: "prospects", name: "Prospects", kind: "lifecycle", description: "Signed up, no order yet", rule: { field: "lifecycle", op: "eq", value: "prospect" } },
  { slug: "rfm-top-spenders", name: "Top spenders", kind: "rfm", description: "Monetary score 5 (top 20% by lifetime value)", rule: { field: "m_score", op: "eq", value: 5 } },
  { slug: "rfm-loyal", name: "Loyal", kind: "rfm", description: "Frequency score 4–5", rule: { field: "f_score", op: "gte", value: 4 } },
  {
    slug: "rfm-cant-lose",
    name: "Can't lose them",
    kind: "rfm",
    description: "High frequency and spend (F and M ≥ 4), but recency score ≤ 2",
    rule: {
      all: [
        { field: "f_score", op: "gte", value: 4 },
        { field: "m_score", op: "gte", value: 4 },
        { field: "r_score", op: "lte", value: 2 },
      ],
    },
  },
];

const builtInRule = new Map(BUILT_IN_SEGMENTS.map((s) => [s.slug, s.rule]));

/** Makes sure the built-in segment rows exist (idempotent). */
export async function ensureBuiltInSegments(db: Db): Promise<void> {
  await db
    .insert(segments)
    .values(BUILT_IN_SEGMENTS.map(({ slug, name, kind, description, rule }) => ({ slug, name, kind, description, rules: rule })))
    .onConflictDoNothing({ target: segments.slug });
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function createSegment(db: Db, input: { slug: string; name: string; description?: string; rules: unknown; createdBy?: number | null }) {
  const rules = ruleSchema.safeParse(input.rules);
  if (!rules.success) throw new UserError(`Segment rule: ${rules.error.issues[0]?.message ?? "invalid"}`);
  if (!SLUG.test(input.slug) || input.slug.length > 60) throw new UserError("Segment slug: lower-case letters, digits and dashes.");
  if (builtInRule.has(input.slug)) throw new UserError("That slug belongs to a built-in segment.");
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserError("Segment name: 1–100 characters.");
  const [row] = await db
    .insert(segments)
    .values({ slug: input.slug, name, description: input.description?.trim() ?? "", kind: "custom", rules: rules.data, createdBy: input.createdBy ?? null })
    .onConflictDoNothing({ target: segments.slug })
    .returning();
  if (!row) throw new UserError("A segment with that slug exists.");
  return row;
}

type SegmentRow = typeof segments.$inferSelect;

function ruleOf(s: SegmentRow): Rule | null {
  if (s.kind !== "custom") return builtInRule.get(s.slug) ?? null;
  const r = ruleSchema.safeParse(s.rules);
  return r.success ? r.data : null;
}

/**
 * Recomputes membership in SQL, for everyone (also records each segment's size in its history)
 * or only for `userIds` (after their events). Members keep their "since" date while they stay in.
 */
export async function recomputeSegments(db: Db, opts: { userIds?: number[]; segmentIds?: number[] } = {}): Promise<{ segment: string; size: number }[]> {
  await ensureBuiltInSegments(db);
  const ids = opts.userIds ? [...new Set(opts.userIds)] : null;
  if (ids && !ids.length) return [];
  const all = await db.select().from(segments).orderBy(asc(segments.id));
  const list = opts.segmentIds ? all.filter((s) => opts.segmentIds!.includes(s.id)) : all;
  if (ids) return recomputeForCustomers(db, list, ids);
  const only = (col: SQL) => (ids ? sql`and ${col} in ${ids}` : sql``);
  const at = new Date();
  const out: { segment: string; size: number }[] = [];
  for (const s of list) {
    const rule = ruleOf(s);
    const where = rule ? compileRule(rule) : sql`false`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        delete from segment_memberships m where m.segment_id = ${s.id} ${only(sql`m.user_id`)}
          and not exists (select 1 from cdp_profiles p join users u on u.id = p.user_id where p.user_id = m.user_id and ${where})`);
      await tx.execute(sql`
        insert into segment_memberships (segment_id, user_id, since)
        select ${s.id}, p.user_id, now() from cdp_profiles p join users u on u.id = p.user_id where ${where} ${only(sql`p.user_id`)}
        on conflict do nothing`);
      const { rows } = await tx.execute<{ n: number }>(sql`select count(*)::int as n from segment_memberships where segment_id = ${s.id}`);
      const size = rows[0]?.n ?? 0;
      await tx.update(segments).set({ size, computedAt: at }).where(eq(segments.id, s.id));
      if (!ids) await tx.insert(segmentSizes).values({ segmentId: s.id, at, size }).onConflictDoNothing();
      out.push({ segment: s.slug, size });
    });
  }
  return out;
}

/**
 * The per-customer path (after their events): every segment decided in one statement that computes
 * the customers' memberships, deletes the lapsed ones, inserts the new ones and moves each
 * segment's size by the difference, so a refresh costs one round trip whatever the segment count.
 */
async function recomputeForCustomers(db: Db, list: SegmentRow[], ids: number[]) {
  const rules = list.map((s) => ({ id: s.id, rule: ruleOf(s) })).filter((r): r is { id: number; rule: Rule } => r.rule !== null);
  if (!rules.length) return [];
  const flags = sql.join(
    rules.map((r) => sql`case when coalesce(${compileRule(r.rule)}, false) then ${r.id}::int end`),
    sql`, `,
  );
  const segmentIds = list.map((s) => s.id);
  const { rows } = await db.execute<{ id: number; size: number }>(sql`
    with desired as (
      select d.segment_id, p.user_id from cdp_profiles p join users u on u.id = p.user_id
      cross join lateral unnest(array[${flags}]) as d(segment_id)
      where p.user_id in ${ids} and d.segment_id is not null
    ),
    del as (
      delete from segment_memberships m
      where m.user_id in ${ids} and m.segment_id in ${segmentIds}
        and not exists (select 1 from desired d where d.segment_id = m.segment_id and d.user_id = m.user_id)
      returning m.segment_id
    ),
    ins as (
      insert into segment_memberships (segment_id, user_id, since) select segment_id, user_id, now() from desired
      on conflict do nothing returning segment_id
    ),
    delta as (
      select segment_id, sum(d)::int as d from (select segment_id, -1 as d from del union all select segment_id, 1 from ins) x group by segment_id
    )
    update segments s set size = s.size + delta.d, computed_at = now() from delta where s.id = delta.segment_id
    returning s.id, s.size`);
  const changed = new Map(rows.map((r) => [r.id, r.size]));
  return list.map((s) => ({ segment: s.slug, size: changed.get(s.id) ?? s.size }));
}

/** The one read API for segments (personalization and admin use these). */
export async function segmentsOfUser(db: Db, userId: number) {
  return db
    .select({ id: segments.id, slug: segments.slug, name: segments.name, kind: segments.kind, since: segmentMemberships.since })
    .from(segmentMemberships)
    .innerJoin(segments, eq(segments.id, segmentMemberships.segmentId))
    .where(eq(segmentMemberships.userId, userId))
    .orderBy(asc(segments.id));
}

export async function isInSegment(db: Db, userId: number, slug: string): Promise<boolean> {
  const { rows } = await db.execute(sql`
    select 1 from segment_memberships m join segments s on s.id = m.segment_id where m.user_id = ${userId} and s.slug = ${slug} limit 1`);
  return rows.length > 0;
}

/** Segments with their last 30 recorded sizes (oldest first), for the admin list's trend. */
export async function listSegmentsWithTrend(db: Db) {
  const list = await listSegments(db);
  const { rows } = await db.execute<{ id: number; sizes: number[] }>(sql`
    select x.segment_id as id, array_agg(x.size order by x.at) as sizes
    from (select segment_id, at, size, row_number() over (partition by segment_id order by at desc) as n from segment_sizes) x
    where x.n <= 30 group by x.segment_id`);
  const trend = new Map(rows.map((r) => [Number(r.id), r.sizes.map(Number)]));
  return list.map((s) => ({ ...s, trend: trend.get(s.id) ?? [] }));
}

export async function listSegments(db: Db) {
  return db.select().from(segments).orderBy(asc(segments.kind), asc(segments.id));
}

export async function membersOf(db: Db, slug: string, opts: { limit?: number; offset?: number } = {}) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, since: segmentMemberships.since })
    .from(segmentMemberships)
    .innerJoin(segments, eq(segments.id, segmentMemberships.segmentId))
    .innerJoin(users, eq(users.id, segmentMemberships.userId))
    .where(eq(segments.slug, slug))
    .orderBy(desc(segmentMemberships.since), asc(users.id))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);
}

export async function segmentHistory(db: Db, segmentId: number, limit = 90) {
  return db.select().from(segmentSizes).where(eq(segmentSizes.segmentId, segmentId)).orderBy(desc(segmentSizes.at)).limit(limit);
}

/** How many customers a rule would select right now (for previews before saving). */
export async function previewRule(db: Db, rules: unknown): Promise<number> {
  const r = ruleSchema.safeParse(rules);
  if (!r.success) throw new UserError(`Segment rule: ${r.error.issues[0]?.message ?? "invalid"}`);
  const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from cdp_profiles p join users u on u.id = p.user_id where ${compileRule(r.data)}`);
  return rows[0]?.n ?? 0;
}
