"use client";

import { useActionState } from "react";
import { cancelOrderAction, reorderAction } from "@/lib/orders/actions";
import { FormAlert } from "@/components/ui/form";

export function OrderActions({ number, cancellable }: { number: string; cancellable: boolean }) {
  const [reorderState, reorder, reordering] = useActionState(reorderAction, null);
  const [cancelState, cancel, cancelling] = useActionState(cancelOrderAction, null);
  return (
    <div className="flex flex-col gap-3">
      <FormAlert state={reorderState} />
      <FormAlert state={cancelState} />
      <div className="flex flex-wrap gap-3">
        <form action={reorder}>
          <input type="hidden" name="number" value={number} />
          <button type="submit" disabled={reordering} className="tap rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink">
            Buy again
          </button>
        </form>
        {cancellable ? (
          <form
            action={cancel}
            onSubmit={(e) => {
              if (!confirm("Cancel this order?")) e.preventDefault();
            }}
          >
            <input type="hidden" name="number" value={number} />
            <button type="submit" disabled={cancelling} className="tap rounded-full border border-line px-5 text-sm">
              Cancel order
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
