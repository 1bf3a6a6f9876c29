"use client";

import { useActionState } from "react";
import { setDealActiveAction } from "@/lib/deals/admin-actions";

export function DealActiveToggle({ id, active }: { id: number; active: boolean }) {
  const [state, action, pending] = useActionState(setDealActiveAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={String(!active)} />
      <button type="submit" disabled={pending} className="tap px-2 underline disabled:opacity-60">
        {active ? "Pause" : "Resume"}
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
