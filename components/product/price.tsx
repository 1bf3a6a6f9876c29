import { formatPrice } from "@/lib/format";

export function Price({ pence, compareAtPence, size = "md" }: { pence: number; compareAtPence?: number | null; size?: "md" | "lg" }) {
  const onSale = compareAtPence != null && compareAtPence > pence;
  return (
    <p className={`flex items-baseline gap-2 ${size === "lg" ? "text-2xl" : "text-base"}`}>
      <span className={`font-semibold ${onSale ? "text-accent" : ""}`} data-testid="price">
        {formatPrice(pence)}
      </span>
      {onSale ? (
        <s className="text-sm text-muted">
          <span className="sr-only">was </span>
          {formatPrice(compareAtPence)}
        </s>
      ) : null}
    </p>
  );
}
