"use client";

import { useEffect, useState } from "react";

type Preview = { reach: { customers: number; controlGroup: number }; scope: { products: number; sample: string[] } };

/** Live reach and scope of the deal being edited: asks /admin/deals/preview whenever the form changes (debounced). */
export function DealPreview({ formId }: { formId: string }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const load = () => {
      const q = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === "string") q.append(k.replace(/\[\]$/, ""), v);
      controller?.abort();
      controller = new AbortController();
      fetch(`/admin/deals/preview?${q}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((p: Preview | null) => p && setPreview(p))
        .catch(() => {});
    };
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    };
    load();
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [formId]);
  if (!preview) return <p className="text-sm text-muted">Working out who this reaches…</p>;
  return (
    <div role="status" aria-live="polite" className="rounded-lg border border-line bg-surface p-3 text-sm" data-testid="deal-preview">
      <p>
        Reaches <strong data-testid="deal-reach">{preview.reach.customers.toLocaleString("en-GB")}</strong> customer{preview.reach.customers === 1 ? "" : "s"} now
        {preview.reach.controlGroup ? ` (${preview.reach.controlGroup.toLocaleString("en-GB")} of them in the control group, who will not see it)` : ""}.
      </p>
      <p className="mt-1">
        <strong>{preview.scope.products.toLocaleString("en-GB")}</strong> active product{preview.scope.products === 1 ? "" : "s"} in scope
        {preview.scope.sample.length ? `: ${preview.scope.sample.join(", ")}${preview.scope.products > preview.scope.sample.length ? " and more" : ""}` : ""}.
      </p>
    </div>
  );
}
