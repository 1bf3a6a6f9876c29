const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** Pence → "£2.55". */
export function formatPrice(pence: number): string {
  return gbp.format(pence / 100);
}

/** 850 → "850 g", 2400 → "2.4 kg". */
export function formatCo2(grams: number): string {
  return grams >= 1000 ? `${(grams / 1000).toFixed(1)} kg` : `${Math.round(grams)} g`;
}

/** Pence → "2.55" (no symbol), for form fields and files that are read back as pounds; null → "". */
export function penceToPounds(pence: number | null): string {
  return pence == null ? "" : (pence / 100).toFixed(2);
}

const dateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });

/** A moment as the shop's staff read it: "25 Nov 2026, 22:40", UK time. */
export function formatDateTime(d: Date): string {
  return dateTime.format(d);
}
