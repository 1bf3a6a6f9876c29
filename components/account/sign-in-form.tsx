"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, null);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormAlert state={state} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" defaultValue={values?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="tap inline-flex items-center text-accent underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
