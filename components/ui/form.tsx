"use client";

import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/result";

export function Field({
  name,
  label,
  type = "text",
  autoComplete,
  defaultValue,
  errors,
  required = true,
  hint,
  inputMode,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  defaultValue?: string;
  errors?: string[];
  required?: boolean;
  hint?: string;
  inputMode?: "text" | "email" | "tel" | "numeric";
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        inputMode={inputMode}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="tap rounded-md border border-line bg-surface px-3 text-base text-ink aria-[invalid]:border-danger"
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-err`} className="text-sm text-danger">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingText }: { children: React.ReactNode; pendingText?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="tap w-full rounded-full bg-accent px-6 text-base font-semibold text-accent-ink disabled:opacity-60">
      {pending ? (pendingText ?? "Please wait…") : children}
    </button>
  );
}

/** The form-level message of an action result (errors are announced to screen readers). */
export function FormAlert({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (!state.ok)
    return (
      <p role="alert" className="rounded-md bg-accent-soft p-3 text-sm text-danger">
        {state.error}
      </p>
    );
  const message = (state.data as { message?: string } | undefined)?.message;
  return message ? (
    <p role="status" className="rounded-md bg-sunken p-3 text-sm text-success">
      {message}
    </p>
  ) : null;
}
