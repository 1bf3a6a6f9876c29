export type StockState = { state: "in" | "low" | "out"; label: string };

/** How a stock level reads to a shopper. */
export function stockState(stock: number, threshold: number): StockState {
  if (stock <= 0) return { state: "out", label: "Out of stock" };
  if (stock <= threshold) return { state: "low", label: `Only ${stock} left` };
  return { state: "in", label: "In stock" };
}

/** schema.org availability for JSON-LD. */
export function schemaAvailability(stock: number): string {
  return stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
}
