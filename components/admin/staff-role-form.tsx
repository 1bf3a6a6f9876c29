"use client";

import { useActionState } from "react";
import { setStaffRoleAction } from "@/lib/staff/admin-actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

const ROLE_LABEL = { merchandiser: "Merchandiser (runs the shop)", admin: "Admin (also manages staff)", customer: "No staff access" };

/** Give an account (new or existing) a staff role, or take it away. */
export function StaffRoleForm() {
  const [state, action] = useActionState(setStaffRoleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate data-testid="staff-form">
      <FormAlert state={state} />
      <Field name="email" label="Email" type="email" autoComplete="off" errors={errors?.email} />
      <Field name="name" label="Name (for a new account)" required={false} errors={errors?.name} />
      <div className="flex flex-col gap-1">
        <label htmlFor="f-role" className="text-sm font-medium">
          Role
        </label>
        <select id="f-role" name="role" defaultValue="merchandiser" className="tap rounded-md border border-line bg-surface px-3 text-base">
          {(["merchandiser", "admin", "customer"] as const).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingText="Saving…">Save role</SubmitButton>
    </form>
  );
}
