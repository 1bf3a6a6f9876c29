"use client";

import { useActionState } from "react";
import { submitCsatAction } from "@/lib/csat/actions";
import { FormAlert, SubmitButton } from "@/components/ui/form";

function Stars({ name, legend, value }: { name: string; legend: string; value?: number }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className="tap flex flex-col items-center justify-center rounded-md border border-line px-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft"
          >
            <input type="radio" name={name} value={n} defaultChecked={value === n} required className="sr-only" />
            <span aria-hidden="true">{"★".repeat(n)}</span>
            <span className="sr-only">{n} out of 5</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Rating after delivery: order and delivery 1–5, an optional comment; editable for 7 days. */
export function CsatForm({ number, existing }: { number: string; existing: { orderRating: number; deliveryRating: number; comment: string } | null }) {
  const [state, action] = useActionState(submitCsatAction, null);
  return (
    <form action={action} id="rate" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4" aria-labelledby="rate-title" data-testid="csat-form">
      <h2 id="rate-title" className="text-lg font-semibold">
        {existing ? "Your rating" : "How did we do?"}
      </h2>
      <input type="hidden" name="number" value={number} />
      <FormAlert state={state} />
      <Stars name="orderRating" legend="The order" value={existing?.orderRating} />
      <Stars name="deliveryRating" legend="The delivery" value={existing?.deliveryRating} />
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Anything to add? (optional)</span>
        <textarea name="comment" rows={3} maxLength={1000} defaultValue={existing?.comment} className="rounded-md border border-line bg-surface p-3 text-base" />
      </label>
      <SubmitButton pendingText="Sending…">{existing ? "Update rating" : "Send rating"}</SubmitButton>
    </form>
  );
}
