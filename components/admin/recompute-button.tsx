"use client";

import { useActionState } from "react";
import { recomputeNowAction } from "@/lib/cdp/admin-actions";
import { FormAlert, SubmitButton } from "@/components/ui/form";

export function RecomputeButton() {
  const [state, action] = useActionState(recomputeNowAction, null);
  return (
    <form action={action} className="flex max-w-xs flex-col gap-2">
      <FormAlert state={state} />
      <SubmitButton pendingText="Recomputing…">Recompute now</SubmitButton>
    </form>
  );
}
