"use client";

import { useActionState } from "react";
import { addAddressAction, removeAddressAction, setDefaultAddressAction } from "@/lib/account/actions";
import { COUNTRIES } from "@/lib/account/address";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";

type Address = { id: number; label: string; name: string; line1: string; line2: string; city: string; postcode: string; country: string; isDefault: boolean };

function AddressCard({ a }: { a: Address }) {
  const [removeState, remove] = useActionState(removeAddressAction, null);
  const [defState, makeDefault] = useActionState(setDefaultAddressAction, null);
  return (
    <li className="rounded-lg border border-line bg-surface p-4" data-testid="address">
      <p className="font-semibold">
        {a.label}
        {a.isDefault ? <span className="ml-2 rounded-full bg-sunken px-2 py-0.5 text-xs">Default</span> : null}
      </p>
      <p className="text-sm text-muted">{[a.name, a.line1, a.line2, a.city, a.postcode, COUNTRIES[a.country as keyof typeof COUNTRIES] ?? a.country].filter(Boolean).join(", ")}</p>
      <FormAlert state={removeState && !removeState.ok ? removeState : defState && !defState.ok ? defState : null} />
      <div className="mt-2 flex gap-2">
        {a.isDefault ? null : (
          <form action={makeDefault}>
            <input type="hidden" name="id" value={a.id} />
            <button type="submit" className="tap rounded-full border border-line px-4 text-sm">
              Make default
            </button>
          </form>
        )}
        <form action={remove}>
          <input type="hidden" name="id" value={a.id} />
          <button type="submit" className="tap rounded-full px-4 text-sm text-danger underline">
            Remove<span className="sr-only"> {a.label}</span>
          </button>
        </form>
      </div>
    </li>
  );
}

export function AddressBook({ addresses }: { addresses: Address[] }) {
  const [state, add] = useActionState(addAddressAction, null);
  const v = state && !state.ok ? state.values : undefined;
  const e = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <ul className="flex flex-col gap-3">
        {addresses.map((a) => (
          <AddressCard key={a.id} a={a} />
        ))}
        {addresses.length ? null : <li className="text-muted">No saved addresses yet.</li>}
      </ul>
      <form action={add} className="flex flex-col gap-3" aria-labelledby="add-address" noValidate>
        <h2 id="add-address" className="text-lg font-semibold">
          Add an address
        </h2>
        <FormAlert state={state} />
        <Field name="label" label="Label (e.g. Home, Work)" required={false} defaultValue={v?.label} />
        <Field name="name" label="Full name" autoComplete="name" defaultValue={v?.name} errors={e?.name} />
        <Field name="line1" label="Address" autoComplete="address-line1" defaultValue={v?.line1} errors={e?.line1} />
        <Field name="line2" label="Flat, floor (optional)" autoComplete="address-line2" required={false} defaultValue={v?.line2} errors={e?.line2} />
        <Field name="city" label="Town or city" autoComplete="address-level2" defaultValue={v?.city} errors={e?.city} />
        <Field name="postcode" label="Postcode" autoComplete="postal-code" defaultValue={v?.postcode} errors={e?.postcode} />
        <div className="flex flex-col gap-1">
          <label htmlFor="f-country" className="text-sm font-medium">
            Country
          </label>
          <select id="f-country" name="country" defaultValue={v?.country ?? "GB"} className="tap rounded-md border border-line bg-surface px-3 text-base">
            {Object.entries(COUNTRIES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Field name="phone" label="Phone (optional)" type="tel" autoComplete="tel" required={false} defaultValue={v?.phone} errors={e?.phone} />
        <SubmitButton pendingText="Saving…">Save address</SubmitButton>
      </form>
    </div>
  );
}
