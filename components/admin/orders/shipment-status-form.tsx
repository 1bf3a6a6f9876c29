"use client";

import { useActionState } from "react";
import { changeShipmentAction } from "@/lib/orders/admin-actions";
import { FormAlert } from "@/components/ui/form";
import { statusLabel } from "@/components/order/status-timeline";

/** The next steps a shipment may take, as buttons (with an optional note for the customer's timeline). */
export function ShipmentStatusForm({ number, next }: { number: string; next: string[] }) {
  const [state, action, pending] = useActionState(changeShipmentAction, null);
  if (!next.length) return <p className="text-sm text-muted">No further steps: this shipment is finished.</p>;
  return (
    <form action={action} className="flex flex-col gap-2" data-testid="shipment-form">
      <input type="hidden" name="number" value={number} />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Note (shown on the tracking page)</span>
        <input name="note" maxLength={200} className="tap rounded-md border border-line bg-surface px-2" />
      </label>
      <div className="flex flex-wrap gap-2">
        {next.map((to) => (
          <button
            key={to}
            type="submit"
            name="to"
            value={to}
            disabled={pending}
            className={`tap rounded-full px-4 text-sm font-semibold disabled:opacity-60 ${to === "cancelled" ? "border border-danger text-danger" : "bg-accent text-accent-ink"}`}
          >
            {to === "cancelled" ? "Cancel order (stock back)" : `Mark ${statusLabel(to).toLowerCase()}`}
          </button>
        ))}
      </div>
      <FormAlert state={state} />
    </form>
  );
}
