import { sql, type SQL } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { textArray } from "@/lib/db/arrays";
import { LIFECYCLE_STAGES } from "@/lib/cdp/audience/profiles";

/**
 * Custom segment rules: a small tree of conditions over profile fields, stored as JSON and
 * compiled to a SQL WHERE clause (values are bound parameters, fields a fixed whitelist).
 *
 *   { "all": [ { "field": "orders_count", "op": "gte", "value": 3 },
 *              { "any": [ { "field": "favourite_category", "op": "contains", "value": "candles" },
 *                         { "field": "lifecycle", "op": "in", "value": ["at_risk", "lapsed"] } ] } ] }
 */
type FieldKind = "number" | "text" | "bool" | "tags";
const FIELDS = {
  orders_count: { kind: "number", col: sql`p.orders_count`, label: "Orders" },
  orders_365: { kind: "number", col: sql`p.orders_365`, label: "Orders in the last year" },
  lifetime_value_pence: { kind: "number", col: sql`p.lifetime_value_pence`, label: "Lifetime value (pence)" },
  aov_pence: { kind: "number", col: sql`p.aov_pence`, label: "Average order value (pence)" },
  recency_days: { kind: "number", col: sql`p.recency_days`, label: "Days since last order" },
  days_since_seen: { kind: "number", col: sql`floor(extract(epoch from (p.as_of - p.last_seen_at)) / 86400)`, label: "Days since last seen" },
  r_score: { kind: "number", col: sql`p.r_score`, label: "RFM recency score" },
  f_score: { kind: "number", col: sql`p.f_score`, label: "RFM frequency score" },
  m_score: { kind: "number", col: sql`p.m_score`, label: "RFM monetary score" },
  mobile_share: { kind: "number", col: sql`p.mobile_share`, label: "Mobile share (0–1)" },
  eco_share: { kind: "number", col: sql`p.eco_share`, label: "Eco delivery share (0–1)" },
  on_time_rate: { kind: "number", col: sql`p.on_time_rate`, label: "On-time deliveries (0–1)" },
  csat_average: { kind: "number", col: sql`p.csat_average`, label: "CSAT average (1–5)" },
  events_count: { kind: "number", col: sql`p.events_count`, label: "Events" },
  lifecycle: { kind: "text", col: sql`p.lifecycle`, label: "Lifecycle stage" },
  country: { kind: "text", col: sql`u.country`, label: "Country" },
  favourite_category: { kind: "tags", col: sql`p.favourite_category_slugs`, label: "Favourite categories (slugs)" },
  consent_personalization: { kind: "bool", col: sql`p.consent_personalization`, label: "Personalization consent" },
  consent_analytics: { kind: "bool", col: sql`p.consent_analytics`, label: "Analytics consent" },
} satisfies Record<string, { kind: FieldKind; col: SQL; label: string }>;

export type SegmentField = keyof typeof FIELDS;
export const SEGMENT_FIELDS = Object.entries(FIELDS).map(([name, f]) => ({ name: name as SegmentField, kind: f.kind, label: f.label }));

export const SEGMENT_OPS: Record<FieldKind, readonly string[]> = {
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "is_set", "is_not_set"],
  text: ["eq", "neq", "in", "not_in", "is_set", "is_not_set"],
  bool: ["eq"],
  tags: ["contains", "contains_any", "is_empty", "is_not_empty"],
};

const conditionSchema = z
  .object({
    field: z.enum(Object.keys(FIELDS) as [SegmentField, ...SegmentField[]]),
    op: z.string(),
    value: z.union([z.number().finite(), textInput({ max: 100 }), z.boolean(), z.array(textInput({ max: 100 })).max(50)]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const kind = FIELDS[c.field].kind;
    if (!SEGMENT_OPS[kind].includes(c.op)) return ctx.addIssue({ code: "custom", message: `"${c.op}" does not apply to ${c.field}` });
    const needsNone = ["is_set", "is_not_set", "is_empty", "is_not_empty"].includes(c.op);
    const needsList = ["in", "not_in", "contains_any"].includes(c.op);
    const v = c.value;
    if (needsNone) return v === undefined ? undefined : ctx.addIssue({ code: "custom", message: `${c.op} takes no value` });
    if (needsList) return Array.isArray(v) && v.length ? undefined : ctx.addIssue({ code: "custom", message: `${c.op} needs a list of values` });
    const want = kind === "number" ? "number" : kind === "bool" ? "boolean" : "string";
    if (typeof v !== want) return ctx.addIssue({ code: "custom", message: `${c.field} ${c.op} needs a ${want}` });
    if (c.field === "lifecycle" && !LIFECYCLE_STAGES.includes(v as never)) ctx.addIssue({ code: "custom", message: `unknown lifecycle stage "${v}"` });
  });

export type Condition = z.infer<typeof conditionSchema>;
export type Rule = Condition | { all: Rule[] } | { any: Rule[] } | { not: Rule };

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(ruleSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(ruleSchema).min(1).max(20) }).strict(),
    z.object({ not: ruleSchema }).strict(),
    conditionSchema,
  ]),
);

/** Rule → SQL over `cdp_profiles p join users u`. Depth is bounded by the schema (and by this guard). */
export function compileRule(rule: Rule, depth = 0): SQL {
  if (depth > 8) throw new Error("segment rule is nested too deeply");
  if ("all" in rule)
    return sql`(${sql.join(
      rule.all.map((r) => compileRule(r, depth + 1)),
      sql` and `,
    )})`;
  if ("any" in rule)
    return sql`(${sql.join(
      rule.any.map((r) => compileRule(r, depth + 1)),
      sql` or `,
    )})`;
  if ("not" in rule) return sql`(not coalesce(${compileRule(rule.not, depth + 1)}, false))`;
  const col = FIELDS[rule.field].col;
  const v = rule.value;
  switch (rule.op) {
    case "eq":
      return sql`(${col} = ${v})`;
    case "neq":
      return sql`(${col} is distinct from ${v})`;
    case "gt":
      return sql`(${col} > ${v})`;
    case "gte":
      return sql`(${col} >= ${v})`;
    case "lt":
      return sql`(${col} < ${v})`;
    case "lte":
      return sql`(${col} <= ${v})`;
    case "in":
      return sql`(${col} in ${v as string[]})`;
    case "not_in":
      return sql`(${col} is null or ${col} not in ${v as string[]})`;
    case "is_set":
      return sql`(${col} is not null)`;
    case "is_not_set":
      return sql`(${col} is null)`;
    case "contains":
      return sql`(${v} = any(${col}))`;
    case "contains_any":
      return sql`(${col} && ${textArray(v as string[])})`;
    case "is_empty":
      return sql`(cardinality(${col}) = 0)`;
    case "is_not_empty":
      return sql`(cardinality(${col}) > 0)`;
    default:
      throw new Error(`unknown op ${rule.op}`);
  }
}
