"use client";

import type { Sort } from "@/lib/catalog/params";

const LABELS: Record<Sort, string> = {
  popular: "Most popular",
  new: "Newest",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name A–Z",
};

/** Submits its form on change; without JavaScript the form's Apply button does it. */
export function SortSelect({ value, form }: { value: Sort; form: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">Sort</span>
      <select
        name="sort"
        form={form}
        defaultValue={value}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="tap rounded-full border border-line bg-surface px-3 text-sm text-ink"
      >
        {Object.entries(LABELS).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
