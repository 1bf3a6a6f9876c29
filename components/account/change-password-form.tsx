"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/auth/actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <Field name="current" label="Current password" type="password" autoComplete="current-password" errors={errors?.current} />
      <Field name="next" label="New password" type="password" autoComplete="new-password" hint="At least 8 characters. Other devices will be signed out." errors={errors?.next} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
