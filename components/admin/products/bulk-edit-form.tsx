"use client";

import { useActionState, useState } from "react";
import { bulkEditAction } from "@/lib/catalog/admin-actions";
import { FormAlert } from "@/components/ui/form";

/** Wraps the product table: the rows' checkboxes and one change to apply to all selected. */
export function BulkEditForm({ categories, children }: { categories: { id: number; name: string }[]; children: React.ReactNode }) {
  const [state, action, pending] = useActionState(bulkEditAction, null);
  const [op, setOp] = useState("status");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const input = "tap rounded-md border border-line bg-surface px-2";
  return (
    <form action={action} data-testid="bulk-form">
      <div className="sticky top-0 z-10 flex flex-wrap items-end gap-2 border-b border-line bg-canvas py-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">With selected</span>
          <select name="op" value={op} onChange={(e) => setOp(e.target.value)} className={input}>
            <option value="status">Set status</option>
            <option value="category">Move to category</option>
            <option value="price_percent">Change price by %</option>
            <option value="price_set">Set price (£)</option>
          </select>
        </label>
        {op === "status" ? (
          <select name="status" aria-label="Status" className={input} defaultValue="active">
            <option value="active">Active</option>
            <option value="draft">Draft</option>
            <option value="archived">Archived</option>
          </select>
        ) : op === "category" ? (
          <select name="categoryId" aria-label="Category" className={input}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        ) : (
          <input
            name="value"
            aria-label={op === "price_set" ? "New price in pounds" : "Percentage change"}
            inputMode="decimal"
            placeholder={op === "price_set" ? "12.50" : "-10"}
            className={`${input} w-24`}
          />
        )}
        <button type="submit" disabled={pending} className="tap rounded-full bg-accent px-4 font-semibold text-accent-ink disabled:opacity-60">
          Apply
        </button>
        <div className="basis-full">
          <FormAlert state={state} />
          {errors ? (
            <p className="text-danger" role="alert">
              {Object.values(errors).flat().join(" ")}
            </p>
          ) : null}
        </div>
      </div>
      {children}
    </form>
  );
}
