"use client";

import { useActionState, useEffect, useMemo, useState } from "react";
import { createSegmentAction } from "@/lib/cdp/admin-actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

type Kind = "number" | "text" | "bool" | "tags";
type FieldDef = { name: string; kind: Kind; label: string };
type Row = { field: string; op: string; value: string };

const OP_LABEL: Record<string, string> = {
  eq: "is",
  neq: "is not",
  gt: "more than",
  gte: "at least",
  lt: "less than",
  lte: "at most",
  is_set: "is known",
  is_not_set: "is unknown",
  in: "is one of",
  not_in: "is none of",
  contains: "includes",
  contains_any: "includes any of",
  is_empty: "is empty",
  is_not_empty: "is not empty",
};
const NO_VALUE = ["is_set", "is_not_set", "is_empty", "is_not_empty"];
const LIST = ["in", "not_in", "contains_any"];

function condition(r: Row, kind: Kind) {
  if (NO_VALUE.includes(r.op)) return { field: r.field, op: r.op };
  if (LIST.includes(r.op))
    return {
      field: r.field,
      op: r.op,
      value: r.value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    };
  const value = kind === "number" ? Number(r.value) : kind === "bool" ? r.value === "true" : r.value.trim();
  return { field: r.field, op: r.op, value };
}

/** Conditions over profile traits, joined by all/any, with a live count of who matches. */
export function SegmentBuilder({ fields, ops }: { fields: FieldDef[]; ops: Record<Kind, readonly string[]> }) {
  const [state, action] = useActionState(createSegmentAction, null);
  const [match, setMatch] = useState<"all" | "any">("all");
  const [rows, setRows] = useState<Row[]>([{ field: "orders_count", op: "gte", value: "3" }]);
  const [count, setCount] = useState<{ customers?: number; error?: string } | null>(null);
  const kindOf = (f: string) => fields.find((x) => x.name === f)?.kind ?? "number";
  const rules = useMemo(() => JSON.stringify({ [match]: rows.map((r) => condition(r, kindOf(r.field))) }), [match, rows]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    const c = new AbortController();
    const t = setTimeout(() => {
      fetch(`/admin/segments/preview?rules=${encodeURIComponent(rules)}`, { signal: c.signal })
        .then((r) => r.json())
        .then(setCount)
        .catch(() => {});
    }, 300);
    return () => (clearTimeout(t), c.abort());
  }, [rules]);
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const box = "tap rounded-md border border-line bg-surface px-2";
  const e = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex max-w-3xl flex-col gap-4" data-testid="segment-builder">
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" errors={e?.name} />
        <Field name="slug" label="Slug" hint="Used in deal targeting, e.g. big-basket" errors={e?.slug} />
      </div>
      <Field name="description" label="Description" required={false} errors={e?.description} />
      <fieldset className="flex flex-col gap-2 rounded-lg border border-line p-3">
        <legend className="px-1 text-sm font-medium">
          Customers who match
          <select aria-label="Match" value={match} onChange={(ev) => setMatch(ev.target.value as "all" | "any")} className={`${box} ml-2`}>
            <option value="all">all</option>
            <option value="any">any</option>
          </select>{" "}
          of:
        </legend>
        {rows.map((r, i) => {
          const kind = kindOf(r.field);
          return (
            <div key={i} className="flex flex-wrap items-center gap-2" data-testid="segment-condition">
              <select aria-label="Trait" value={r.field} onChange={(ev) => set(i, { field: ev.target.value, op: ops[kindOf(ev.target.value)][0]!, value: "" })} className={box}>
                {fields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label}
                  </option>
                ))}
              </select>
              <select aria-label="Condition" value={r.op} onChange={(ev) => set(i, { op: ev.target.value })} className={box}>
                {ops[kind].map((o) => (
                  <option key={o} value={o}>
                    {OP_LABEL[o] ?? o}
                  </option>
                ))}
              </select>
              {NO_VALUE.includes(r.op) ? null : kind === "bool" ? (
                <select aria-label="Value" value={r.value} onChange={(ev) => set(i, { value: ev.target.value })} className={box}>
                  <option value="true">yes</option>
                  <option value="false">no</option>
                </select>
              ) : (
                <input
                  aria-label="Value"
                  value={r.value}
                  onChange={(ev) => set(i, { value: ev.target.value })}
                  inputMode={kind === "number" ? "decimal" : "text"}
                  placeholder={LIST.includes(r.op) ? "a, b, c" : ""}
                  className={`${box} w-40`}
                />
              )}
              {rows.length > 1 ? (
                <button type="button" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} className="tap px-2 underline">
                  Remove
                </button>
              ) : null}
            </div>
          );
        })}
        <button type="button" onClick={() => setRows((rs) => [...rs, { field: "lifecycle", op: "eq", value: "lapsed" }])} className="tap self-start px-2 underline">
          Add a condition
        </button>
      </fieldset>
      <input type="hidden" name="rules" value={rules} />
      <p role="status" aria-live="polite" className="text-sm" data-testid="segment-count">
        {count?.error ? (
          <span className="text-danger">{count.error}</span>
        ) : count?.customers !== undefined ? (
          <>
            Matches <strong>{count.customers.toLocaleString("en-GB")}</strong> customers now.
          </>
        ) : (
          "Counting…"
        )}
      </p>
      {e?.rules ? <p className="text-sm text-danger">{e.rules.join(" ")}</p> : null}
      <div className="max-w-xs">
        <SubmitButton pendingText="Creating…">Create segment</SubmitButton>
      </div>
    </form>
  );
}
