"use client";

import { useActionState, useState } from "react";
import { requestReturnAction } from "@/lib/returns/actions";
import { FormAlert, SubmitButton } from "@/components/ui/form";

type Line = { lineNo: number; title: string; returnable: number };

/** "Return items": how many of each line and why, and a note; behind a button until wanted. */
export function ReturnRequestForm({ number, token, lines, reasons }: { number: string; token?: string; lines: Line[]; reasons: Record<string, string> }) {
  const [state, action] = useActionState(requestReturnAction, null);
  const [open, setOpen] = useState(false);
  if (state?.ok)
    return (
      <div className="mt-6">
        <FormAlert state={state} />
      </div>
    );
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="tap mt-6 rounded-full border border-line px-5 text-sm font-medium">
        Return items
      </button>
    );
  }
  const field = "tap rounded-md border border-line bg-surface px-2 text-base";
  return (
    <form action={action} className="mt-6 flex flex-col gap-3 rounded-lg border border-line bg-surface p-4" data-testid="return-form">
      <h2 className="text-base font-semibold">Return items</h2>
      <input type="hidden" name="number" value={number} />
      {token ? <input type="hidden" name="t" value={token} /> : null}
      <FormAlert state={state} />
      {lines.map((l) => (
        <fieldset key={l.lineNo} className="flex flex-col gap-2 border-t border-line pt-3 text-sm">
          <legend className="font-medium">{l.title}</legend>
          <div className="flex flex-wrap gap-3">
            <label className="flex items-center gap-2">
              Quantity
              <select name={`qty.${l.lineNo}`} defaultValue="0" className={field}>
                {Array.from({ length: l.returnable + 1 }, (_, i) => (
                  <option key={i} value={i}>
                    {i}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2">
              Reason
              <select name={`reason.${l.lineNo}`} defaultValue="" className={field}>
                <option value="">Choose…</option>
                {Object.entries(reasons).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
      ))}
      <label htmlFor="return-note" className="text-sm font-medium">
        Anything we should know? (optional)
      </label>
      <textarea id="return-note" name="note" rows={3} maxLength={500} className="rounded-md border border-line bg-surface p-2 text-base" />
      <SubmitButton pendingText="Sending…">Ask for a return</SubmitButton>
    </form>
  );
}
