"use client";

/** One click to the browser's print dialog (the page's print CSS hides everything but the document). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="tap rounded-full bg-ink px-5 text-sm font-semibold text-canvas print:hidden">
      {label}
    </button>
  );
}
