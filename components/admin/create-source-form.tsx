"use client";

import { useActionState } from "react";
import { createSourceAction } from "@/lib/cdp/admin-actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

export function CreateSourceForm() {
  const [state, action] = useActionState(createSourceAction, null);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate>
      <FormAlert state={state} />
      {state?.ok ? (
        <p className="rounded-md border border-line bg-surface p-3 text-sm">
          Write key:{" "}
          <code className="break-all font-mono" data-testid="write-key">
            {state.data.writeKey}
          </code>
        </p>
      ) : null}
      <Field name="name" label="Source name" hint="e.g. Warehouse system, POS, email tool" errors={state && !state.ok ? state.fieldErrors?.name : undefined} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="trusted" className="mt-1 h-5 w-5" />
        <span>
          <strong>Server-side (trusted)</strong>: may send <code>userId</code> and identify/alias calls. Leave off for anything that runs in a browser.
        </span>
      </label>
      <SubmitButton pendingText="Creating…">Create source</SubmitButton>
    </form>
  );
}
