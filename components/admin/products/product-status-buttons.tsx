"use client";

import { useActionState } from "react";
import { duplicateProductAction, setProductStatusAction } from "@/lib/catalog/admin-actions";
import { FormAlert } from "@/components/ui/form";

/** Archive / restore and duplicate, beside the edit form. */
export function ProductStatusButtons({ id, status }: { id: number; status: "draft" | "active" | "archived" }) {
  const [state, setStatus, pending] = useActionState(setProductStatusAction, null);
  const [copyState, duplicate, copying] = useActionState(duplicateProductAction, null);
  const button = "tap rounded-full border border-line px-4 text-sm font-semibold disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form action={setStatus}>
        <input type="hidden" name="ids[]" value={id} />
        <input type="hidden" name="status" value={status === "archived" ? "active" : "archived"} />
        <button type="submit" disabled={pending} className={button}>
          {status === "archived" ? "Restore" : "Archive"}
        </button>
      </form>
      <form action={duplicate}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={copying} className={button}>
          Duplicate
        </button>
      </form>
      <div className="basis-full">
        <FormAlert state={state} />
        <FormAlert state={copyState} />
      </div>
    </div>
  );
}
