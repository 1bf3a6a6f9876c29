"use client";

import { useActionState } from "react";
import { createProductAction, updateProductAction } from "@/lib/catalog/admin-actions";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/result";

export type ProductFormValues = {
  id?: number;
  title: string;
  slug: string;
  sku: string;
  description: string;
  price: string;
  compareAt: string;
  categoryId: number | "";
  tags: string;
  colors: string;
  materials: string;
  status: "draft" | "active" | "archived";
  lowStockThreshold: number;
  stock?: number;
};

/** Create or edit a product; every field is validated again on the server. */
export function ProductForm({ values, categories }: { values: ProductFormValues; categories: { id: number; name: string }[] }) {
  const [state, action] = useActionState<ActionResult<{ message: string }> | null, FormData>(
    (values.id ? updateProductAction : createProductAction) as (prev: ActionResult<{ message: string }> | null, data: FormData) => Promise<ActionResult<{ message: string }>>,
    null,
  );
  const e = state && !state.ok ? state.fieldErrors : undefined;
  // After a failed submit React resets the form: show what was sent, not the old values.
  const v = state && !state.ok && state.values ? ({ ...values, ...state.values } as ProductFormValues) : values;
  const box = "tap rounded-md border border-line bg-surface px-3 text-base";
  return (
    <form action={action} className="grid max-w-3xl gap-4 md:grid-cols-2" noValidate data-testid="product-form" key={JSON.stringify(v)}>
      <div className="md:col-span-2">
        <FormAlert state={state} />
      </div>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <div className="md:col-span-2">
        <Field name="title" label="Title" defaultValue={v.title} errors={e?.title} />
      </div>
      <Field name="sku" label="Code (SKU)" defaultValue={v.sku} errors={e?.sku} />
      <Field name="slug" label="Address (slug)" required={false} hint="Leave empty to make one from the title and code" defaultValue={v.slug} errors={e?.slug} />
      <Field name="price" label="Price (£)" inputMode="numeric" defaultValue={v.price} errors={e?.price} />
      <Field
        name="compareAt"
        label="Compare-at price (£)"
        required={false}
        hint="The old price, shown struck through"
        inputMode="numeric"
        defaultValue={v.compareAt}
        errors={e?.compareAt}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="f-categoryId" className="text-sm font-medium">
          Category
        </label>
        <select id="f-categoryId" name="categoryId" defaultValue={v.categoryId} className={box} aria-invalid={e?.categoryId ? true : undefined}>
          <option value="">Choose…</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {e?.categoryId ? <p className="text-sm text-danger">{e.categoryId.join(" ")}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="f-status" className="text-sm font-medium">
          Status
        </label>
        <select id="f-status" name="status" defaultValue={v.status} className={box}>
          <option value="draft">Draft (not in the shop)</option>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </select>
      </div>
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor="f-description" className="text-sm font-medium">
          Description
        </label>
        <textarea
          id="f-description"
          name="description"
          rows={5}
          defaultValue={v.description}
          className="rounded-md border border-line bg-surface p-3 text-base"
          aria-invalid={e?.description ? true : undefined}
        />
        {e?.description ? <p className="text-sm text-danger">{e.description.join(" ")}</p> : null}
      </div>
      <Field name="tags" label="Tags" required={false} hint="Comma-separated" defaultValue={v.tags} errors={e?.tags} />
      <Field name="colors" label="Colours" required={false} hint="Comma-separated" defaultValue={v.colors} errors={e?.colors} />
      <Field name="materials" label="Materials" required={false} hint="Comma-separated" defaultValue={v.materials} errors={e?.materials} />
      <Field name="lowStockThreshold" label="Low-stock threshold" inputMode="numeric" defaultValue={String(v.lowStockThreshold)} errors={e?.lowStockThreshold} />
      {values.id ? null : <Field name="stock" label="Opening stock" inputMode="numeric" defaultValue={String(v.stock ?? 0)} errors={e?.stock} />}
      <div className="md:col-span-2 md:max-w-xs">
        <SubmitButton pendingText="Saving…">{values.id ? "Save changes" : "Create product"}</SubmitButton>
      </div>
    </form>
  );
}
