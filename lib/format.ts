const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** Pence → "£2.55". */
export function formatPrice(pence: number): string {
  return gbp.format(pence / 100);
}

/** 850 → "850 g", 2400 → "2.4 kg". */
export function formatCo2(grams: number): string {
  return grams >= 1000 ? `${(grams / 1000).toFixed(1)} kg` : `${Math.round(grams)} g`;
}
