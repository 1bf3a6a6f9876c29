"use client";

import { useActionState } from "react";
import { adjustStockAction } from "@/lib/inventory/admin-actions";
import { STOCK_REASONS } from "@/lib/inventory/reasons";

/** One stock change with its reason: "+12", "-3", or "=40" for a counted level. */
export function AdjustStockForm({ productId, compact = false }: { productId: number; compact?: boolean }) {
  const [state, action, pending] = useActionState(adjustStockAction, null);
  const box = "tap rounded-md border border-line bg-surface px-2";
  const error = state && !state.ok ? (state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") : state.error) : null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm" data-testid={`adjust-${productId}`}>
      <input type="hidden" name="productId" value={productId} />
      <label className="flex flex-col gap-1">
        <span className={compact ? "sr-only" : "font-medium"}>Change</span>
        <input name="change" placeholder="+12" className={`${box} w-20`} aria-invalid={error ? true : undefined} />
      </label>
      <label className="flex flex-col gap-1">
        <span className={compact ? "sr-only" : "font-medium"}>Reason</span>
        <select name="reason" defaultValue="received" className={box}>
          {Object.entries(STOCK_REASONS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {compact ? null : (
        <label className="flex flex-col gap-1">
          <span className="font-medium">Note</span>
          <input name="note" className={`${box} w-48`} />
        </label>
      )}
      <button type="submit" disabled={pending} className="tap rounded-full border border-line px-4 font-semibold disabled:opacity-60">
        Adjust
      </button>
      {error ? (
        <p role="alert" className="basis-full text-danger">
          {error}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="basis-full text-success">
          {state.data.message}
        </p>
      ) : null}
    </form>
  );
}
