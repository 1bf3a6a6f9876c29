"use client";

import { useActionState } from "react";
import { importProductsAction } from "@/lib/catalog/admin-actions";
import type { CsvRowError } from "@/lib/catalog/csv";
import { FormAlert, SubmitButton } from "@/components/ui/form";

/** CSV import with every problem listed by line (nothing is changed unless the whole file is good). */
export function ImportProductsForm() {
  const [state, action] = useActionState(importProductsAction, null);
  const rows = state && !state.ok ? (state.details as CsvRowError[] | undefined) : undefined;
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3 text-sm" data-testid="import-form">
      <FormAlert state={state} />
      {rows?.length ? (
        <ul className="max-h-64 overflow-y-auto rounded-md border border-danger p-2" data-testid="import-errors">
          {rows.map((r) => (
            <li key={r.line}>
              Line {r.line}
              {r.sku ? ` (${r.sku})` : ""}: {r.messages.join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="font-medium">Product file (CSV)</span>
        <input type="file" name="file" accept=".csv,text/csv" className="text-sm" />
      </label>
      <p className="text-xs text-muted">Columns as in the export. A known code updates that product, a new code creates one; stock is only read for new products.</p>
      <div className="max-w-xs">
        <SubmitButton pendingText="Importing…">Import</SubmitButton>
      </div>
    </form>
  );
}
