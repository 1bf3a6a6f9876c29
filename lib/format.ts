const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** Pence → "£2.55". */
export function formatPrice(pence: number): string {
  return gbp.format(pence / 100);
}
