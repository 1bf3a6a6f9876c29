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
          <strong>Server-side (trusted)</strong>: may send <code>userId</code> and identify, alias and group calls. Leave off for anything that runs in a browser.
        </span>
      </label>
      <fieldset className="flex flex-col gap-2 text-sm">
        <legend className="font-medium">A trusted source&apos;s userId is</legend>
        <label className="flex items-start gap-3">
          <input type="radio" name="userIds" value="hearth" defaultChecked className="mt-1 h-5 w-5" />
          <span>the Hearth customer number</span>
        </label>
        <label className="flex items-start gap-3">
          <input type="radio" name="userIds" value="external" className="mt-1 h-5 w-5" />
          <span>the shop&apos;s own customer id (the imported CustomerID)</span>
        </label>
        <span className="text-muted">
          Either way, an identify with a known email names that customer, and an id the shop does not know yet starts a profile of its own that joins the customer once known.
        </span>
      </fieldset>
      <SubmitButton pendingText="Creating…">Create source</SubmitButton>
    </form>
  );
}
