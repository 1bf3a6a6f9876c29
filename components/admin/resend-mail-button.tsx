"use client";

import { useActionState } from "react";
import { resendMailAction } from "@/lib/mail/admin-actions";

export function ResendMailButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState(resendMailAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="tap px-2 text-sm underline">
        Send again
      </button>
      {state ? (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-success" : "text-sm text-danger"}>
          {" "}
          {state.ok ? state.data.message : state.error}
        </span>
      ) : null}
    </form>
  );
}
