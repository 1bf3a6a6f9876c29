"use client";

import { useActionState } from "react";
import { updateProfileAction } from "@/lib/auth/actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

export function ProfileForm({ name }: { name: string }) {
  const [state, action] = useActionState(updateProfileAction, null);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <Field name="name" label="Name" autoComplete="name" defaultValue={name} errors={state && !state.ok ? state.fieldErrors?.name : undefined} />
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
