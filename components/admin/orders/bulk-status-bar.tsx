"use client";

import { useActionState } from "react";
import { bulkShipmentAction } from "@/lib/orders/admin-actions";
import { FormAlert } from "@/components/ui/form";

export const BULK_FORM = "bulk-orders";

/** The ticked orders (checkboxes in the table, form="bulk-orders") marked packed or dispatched in one go. */
export function BulkStatusBar() {
  const [state, action, pending] = useActionState(bulkShipmentAction, null);
  return (
    <form id={BULK_FORM} action={action} className="mt-4 flex flex-wrap items-center gap-2 text-sm" data-testid="bulk-status">
      <span className="font-medium">Ticked orders:</span>
      <button type="submit" name="to" value="packed" disabled={pending} className="tap rounded-full border border-line px-4 font-semibold">
        Mark packed
      </button>
      <button type="submit" name="to" value="dispatched" disabled={pending} className="tap rounded-full bg-accent px-4 font-semibold text-accent-ink">
        Mark dispatched
      </button>
      <div className="basis-full">
        <FormAlert state={state} />
      </div>
      {state && !state.ok && state.fieldErrors ? <p className="basis-full text-sm text-danger">{Object.values(state.fieldErrors).flat().join(" ")}</p> : null}
    </form>
  );
}
