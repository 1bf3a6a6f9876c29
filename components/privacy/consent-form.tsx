"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { saveConsentAction } from "@/lib/cdp/actions";
import { FormAlert } from "@/components/ui/form";

/** Per-category consent with "accept all" / "necessary only" shortcuts (used on the privacy page and in the banner). */
export function ConsentForm({ analytics, personalization, compact = false, onSaved }: { analytics: boolean; personalization: boolean; compact?: boolean; onSaved?: () => void }) {
  const [state, action] = useActionState(saveConsentAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      onSaved?.();
      router.refresh();
    }
  }, [state, onSaved, router]);
  const categories = (
    <fieldset className="flex flex-col gap-2 text-sm">
      <legend className="sr-only">Cookie categories</legend>
      <label className="flex items-start gap-3">
        <input type="checkbox" checked disabled className="mt-1 h-5 w-5" />
        <span>
          <strong>Necessary</strong> — your cart, sign-in, orders and deliveries. Always on.
        </span>
      </label>
      <label className="flex items-start gap-3">
        <input type="checkbox" name="analytics" defaultChecked={analytics} className="mt-1 h-5 w-5" />
        <span>
          <strong>Analytics</strong> — which pages and products you look at, so we can improve the shop.
        </span>
      </label>
      <label className="flex items-start gap-3">
        <input type="checkbox" name="personalization" defaultChecked={personalization} className="mt-1 h-5 w-5" />
        <span>
          <strong>Personalization</strong> — recently viewed, recommendations and deals picked for you.
        </span>
      </label>
    </fieldset>
  );
  const saveChoices = (
    <button type="submit" name="choice" value="custom" className="tap rounded-full border border-line bg-surface px-4 text-sm font-semibold">
      Save my choices
    </button>
  );
  // Accepting and refusing are equally easy: same size, side by side, one tap each.
  const accept = (
    <button type="submit" name="choice" value="all" className="tap rounded-full bg-accent px-4 text-sm font-semibold text-accent-ink">
      Accept all
    </button>
  );
  const refuse = (
    <button type="submit" name="choice" value="necessary" className="tap rounded-full border border-line bg-surface px-4 text-sm font-semibold">
      Necessary only
    </button>
  );
  return (
    <form action={action} className="flex flex-col gap-3">
      {compact ? null : <FormAlert state={state} />}
      {compact ? (
        <>
          <div className="grid grid-cols-2 gap-2">
            {accept}
            {refuse}
          </div>
          <details className="text-sm">
            <summary className="tap inline-flex cursor-pointer items-center font-medium underline">Choose categories</summary>
            <div className="mt-2 flex flex-col gap-3">
              {categories}
              {saveChoices}
            </div>
          </details>
        </>
      ) : (
        <>
          {categories}
          <div className="grid gap-2 sm:grid-cols-3">
            {accept}
            {refuse}
            {saveChoices}
          </div>
        </>
      )}
    </form>
  );
}
