"use client";

import { useActionState } from "react";
import { completeClaimAction } from "@/lib/account/claim-actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

/** The emailed claim link: choose a password (new account), or add the orders to the existing account. */
export function ClaimForm({ token, hasAccount }: { token: string; hasAccount: boolean }) {
  const [state, action] = useActionState(completeClaimAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormAlert state={state} />
      {hasAccount ? null : (
        <Field
          name="password"
          label="Choose a password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          errors={state && !state.ok ? state.fieldErrors?.password : undefined}
        />
      )}
      <SubmitButton pendingText="Saving…">{hasAccount ? "Add to my account" : "Create my account"}</SubmitButton>
    </form>
  );
}
