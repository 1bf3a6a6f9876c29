import { stockState } from "@/lib/catalog/stock";

const STYLE = { in: "text-success", low: "text-warn", out: "text-danger" } as const;

export function StockBadge({ stock, threshold }: { stock: number; threshold: number }) {
  const s = stockState(stock, threshold);
  return (
    <p className={`text-sm font-medium ${STYLE[s.state]}`} data-testid="stock-state" data-state={s.state}>
      {s.label}
    </p>
  );
}
