"use client";

import { useActionState } from "react";
import { signUpAction } from "@/lib/auth/actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

export function SignUpForm({ next }: { next: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormAlert state={state} />
      <Field name="name" label="Your name" autoComplete="name" defaultValue={values?.name} errors={errors?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" defaultValue={values?.email} errors={errors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" hint="At least 8 characters." errors={errors?.password} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
