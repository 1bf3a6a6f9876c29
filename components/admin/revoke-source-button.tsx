"use client";

import { useActionState } from "react";
import { revokeSourceAction } from "@/lib/cdp/admin-actions";

export function RevokeSourceButton({ id }: { id: number }) {
  const [state, action, pending] = useActionState(revokeSourceAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="tap px-2 text-danger underline">
        Revoke
      </button>
      {state && !state.ok ? (
        <span role="alert" className="text-danger">
          {" "}
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
