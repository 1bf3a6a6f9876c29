"use client";

import { useActionState, useState } from "react";
import { applyDealCodeAction, removeDealCodeAction } from "@/lib/cart/actions";
import { FormAlert } from "@/components/ui/form";

/**
 * "Have a discount code?": collapsed behind a button on phones, open from md up. Shows the code in
 * use with a Remove button, and why a code does not apply (`problem`, from the server's pricing).
 */
export function DealCodeForm({ code, problem }: { code: string | null; problem: string | null }) {
  const [applyState, apply] = useActionState(applyDealCodeAction, null);
  const [removeState, remove] = useActionState(removeDealCodeAction, null);
  const [open, setOpen] = useState(false);
  const typed = applyState && !applyState.ok ? applyState.values?.code : undefined;
  const fieldError = applyState && !applyState.ok ? applyState.error : null;
  return (
    <div className="mt-4 border-t border-line pt-4" data-testid="deal-code">
      {code ? (
        <form action={remove} className="flex items-center justify-between gap-3 text-sm">
          <span>
            Code <strong data-testid="deal-code-current">{code}</strong>
          </span>
          <button type="submit" className="tap px-2 text-sm underline">
            Remove code
          </button>
        </form>
      ) : (
        <>
          <button
            type="button"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls="deal-code-form"
            className="tap w-full text-left text-sm font-medium underline md:hidden"
          >
            Have a discount code?
          </button>
          <form id="deal-code-form" action={apply} className={`${open ? "flex" : "hidden"} flex-col gap-2 md:flex`} noValidate>
            <label htmlFor="f-code" className="text-sm font-medium">
              Discount code
            </label>
            <div className="flex gap-2">
              <input
                id="f-code"
                name="code"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                defaultValue={typed}
                maxLength={100}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? "f-code-err" : undefined}
                className="tap min-w-0 flex-1 rounded-md border border-line bg-surface px-3 text-base uppercase aria-[invalid]:border-danger"
              />
              <button type="submit" className="tap rounded-full bg-ink px-4 text-sm font-semibold text-canvas">
                Apply
              </button>
            </div>
            {fieldError ? (
              <p id="f-code-err" role="alert" className="text-sm text-danger">
                {fieldError}
              </p>
            ) : null}
          </form>
        </>
      )}
      {applyState?.ok ? (
        <div className="mt-2">
          <FormAlert state={applyState} />
        </div>
      ) : null}
      {removeState && !removeState.ok ? (
        <div className="mt-2">
          <FormAlert state={removeState} />
        </div>
      ) : null}
      {code && problem ? (
        <p className="mt-2 text-sm text-danger" data-testid="deal-code-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
