"use client";

import { useActionState } from "react";
import { requestClaimAction } from "@/lib/account/claim-actions";
import { FormAlert, SubmitButton } from "@/components/ui/form";

/** On a guest's order page: save the details to an account, once the emailed link proves the address. */
export function ClaimRequestForm({ number, token, email }: { number: string; token: string; email: string }) {
  const [state, action] = useActionState(requestClaimAction, null);
  return (
    <form action={action} className="mt-6 rounded-lg border border-line bg-surface p-4" data-testid="claim-request">
      <h2 className="text-base font-semibold">Save your details — set a password</h2>
      <p className="mt-1 text-sm text-muted">Follow your orders, returns and deliveries in an account. We&apos;ll email {email} a link to set your password.</p>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="t" value={token} />
      <div className="mt-3">
        <FormAlert state={state} />
      </div>
      {state?.ok ? null : (
        <div className="mt-3">
          <SubmitButton pendingText="Sending…">Email me a link</SubmitButton>
        </div>
      )}
    </form>
  );
}
