"use client";

import { useActionState, useState, useTransition } from "react";
import { createDealAction, updateDealAction } from "@/lib/deals/admin-actions";
import { DEAL_TYPES, LIFECYCLE_LABELS } from "@/lib/deals/admin-form";
import type { ActionResult } from "@/lib/result";
import { Field, FormAlert } from "@/components/ui/form";
import { DealPreview } from "./deal-preview";

export type DealFormValues = {
  id?: number;
  code: string;
  name: string;
  description: string;
  type: keyof typeof DEAL_TYPES;
  value: string;
  bundleQuantity: string;
  scope: "all" | "categories" | "products";
  categoryIds: number[];
  productCodes: string;
  segments: string[];
  lifecycle: string[];
  customers: string;
  firstOrderOnly: boolean;
  minSpend: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  priority: string;
  stackable: boolean;
  requiresCode: boolean;
  active: boolean;
};

type Options = { categories: { id: number; name: string }[]; segments: { slug: string; name: string }[] };
type Result = ActionResult<{ id: number; message: string }>;

function Checks({ legend, name, items, checked, error }: { legend: string; name: string; items: [string, string][]; checked: string[]; error?: string[] }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {items.map(([value, label]) => (
          <label key={value} className="tap flex items-center gap-2 text-sm">
            <input type="checkbox" name={`${name}[]`} value={value} defaultChecked={checked.includes(value)} className="h-5 w-5" /> {label}
          </label>
        ))}
      </div>
      {error ? <p className="text-sm text-danger">{error.join(" ")}</p> : null}
    </fieldset>
  );
}

/** Create or edit a deal, with a live preview of its reach and scope; validated again on the server. */
export function DealForm({ values, options }: { values: DealFormValues; options: Options }) {
  const [state, action] = useActionState<Result | null, FormData>((values.id ? updateDealAction : createDealAction) as (p: Result | null, d: FormData) => Promise<Result>, null);
  const [pending, startTransition] = useTransition();
  // Submitted by hand, not as a form action, so a refused save keeps every field as typed (React resets action forms).
  const submit = (ev: React.FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const data = new FormData(ev.currentTarget);
    startTransition(() => action(data));
  };
  const [type, setType] = useState(values.type);
  const [scope, setScope] = useState(values.scope);
  const e = state && !state.ok ? state.fieldErrors : undefined;
  const box = "tap rounded-md border border-line bg-surface px-3 text-base";
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <form id="deal-form" onSubmit={submit} className="grid gap-4 md:grid-cols-2" noValidate data-testid="deal-form">
        <div className="md:col-span-2">
          <FormAlert state={state} />
        </div>
        {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
        <Field name="code" label="Code" hint="Shoppers can type it at checkout; shown on the order, e.g. WELCOMEBACK" defaultValue={values.code} errors={e?.code} />
        <Field name="name" label="Name" hint="What customers see" defaultValue={values.name} errors={e?.name} />
        <div className="md:col-span-2">
          <Field name="description" label="Description" required={false} defaultValue={values.description} errors={e?.description} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-type" className="text-sm font-medium">
            Type
          </label>
          <select id="f-type" name="type" value={type} onChange={(ev) => setType(ev.target.value as DealFormValues["type"])} className={box}>
            {Object.entries(DEAL_TYPES).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {type === "free_eco_delivery" ? (
          <input type="hidden" name="value" value="0" />
        ) : (
          <Field
            name="value"
            label={type === "percent_off" ? "Percent off" : type === "bundle_price" ? "Bundle price (£)" : "Amount off (£)"}
            inputMode="numeric"
            defaultValue={values.value}
            errors={e?.value}
          />
        )}
        {type === "bundle_price" ? (
          <Field name="bundleQuantity" label="Items in the bundle" inputMode="numeric" defaultValue={values.bundleQuantity} errors={e?.bundleQuantity} />
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="f-scope" className="text-sm font-medium">
            Applies to
          </label>
          <select id="f-scope" name="scope" value={scope} onChange={(ev) => setScope(ev.target.value as DealFormValues["scope"])} className={box}>
            <option value="all">Everything</option>
            <option value="categories">Some categories</option>
            <option value="products">Some products</option>
          </select>
        </div>
        {scope === "categories" ? (
          <div className="md:col-span-2">
            <Checks
              legend="Categories"
              name="categoryIds"
              items={options.categories.map((c) => [String(c.id), c.name])}
              checked={values.categoryIds.map(String)}
              error={e?.categoryIds}
            />
          </div>
        ) : null}
        {scope === "products" ? (
          <div className="md:col-span-2">
            <Field name="productCodes" label="Product codes" hint="Separated by commas or spaces" defaultValue={values.productCodes} errors={e?.productCodes} />
          </div>
        ) : null}
        <div className="md:col-span-2">
          <Checks legend="For customers in these segments" name="segments" items={options.segments.map((s) => [s.slug, s.name])} checked={values.segments} error={e?.segments} />
        </div>
        <div className="md:col-span-2">
          <Checks legend="…or at these lifecycle stages" name="lifecycle" items={Object.entries(LIFECYCLE_LABELS)} checked={values.lifecycle} error={e?.lifecycle} />
        </div>
        <Field
          name="customers"
          label="…or these customer numbers"
          required={false}
          hint="None of the three: every signed-in customer"
          defaultValue={values.customers}
          errors={e?.customers}
        />
        <label className="tap flex items-center gap-2 self-end text-sm">
          <input type="checkbox" name="firstOrderOnly" defaultChecked={values.firstOrderOnly} className="h-5 w-5" /> First order only
        </label>
        <Field name="minSpend" label="Minimum spend (£)" required={false} inputMode="numeric" defaultValue={values.minSpend} errors={e?.minSpend} />
        <Field name="priority" label="Priority" required={false} hint="Higher wins when deals tie" inputMode="numeric" defaultValue={values.priority} errors={e?.priority} />
        <Field name="startsAt" label="Starts (UTC)" type="datetime-local" required={false} defaultValue={values.startsAt} errors={e?.startsAt} />
        <Field name="endsAt" label="Ends (UTC)" type="datetime-local" required={false} defaultValue={values.endsAt} errors={e?.endsAt} />
        <Field name="usageLimit" label="Redemptions in all" required={false} hint="Empty: no limit" inputMode="numeric" defaultValue={values.usageLimit} errors={e?.usageLimit} />
        <Field name="perCustomerLimit" label="Per customer" inputMode="numeric" defaultValue={values.perCustomerLimit} errors={e?.perCustomerLimit} />
        <label className="tap flex items-center gap-2 text-sm">
          <input type="checkbox" name="stackable" defaultChecked={values.stackable} className="h-5 w-5" /> Stacks with other stackable deals
        </label>
        <label className="tap flex items-center gap-2 text-sm">
          <input type="checkbox" name="requiresCode" defaultChecked={values.requiresCode} className="h-5 w-5" /> Promo: applies only when typed at checkout (guests may use it when
          it is for everyone)
        </label>
        <label className="tap flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={values.active} className="h-5 w-5" /> Active
        </label>
        <div className="md:col-span-2 md:max-w-xs">
          <button type="submit" disabled={pending} className="tap w-full rounded-full bg-accent px-6 text-base font-semibold text-accent-ink disabled:opacity-60">
            {pending ? "Saving…" : values.id ? "Save deal" : "Create deal"}
          </button>
        </div>
      </form>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <DealPreview formId="deal-form" />
      </aside>
    </div>
  );
}
