"use client";

import { useActionState } from "react";
import { deleteAccountAction } from "@/lib/cdp/actions";
import { Field, FormAlert } from "@/components/ui/form";

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormAlert state={state} />
      <Field name="password" label="Your password" type="password" autoComplete="current-password" errors={errors?.password} />
      <Field name="confirm" label="Type DELETE to confirm" autoComplete="off" errors={errors?.confirm} />
      <button type="submit" disabled={pending} className="tap rounded-full bg-danger px-6 text-base font-semibold text-white disabled:opacity-60">
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
