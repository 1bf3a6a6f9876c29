/**
 * The buy button. It posts to /cart; the cart and its server action arrive with the accounts & cart
 * work (issue 4), so until then the form only carries the product and quantity.
 */
export function AddToCartButton({ productId, inStock }: { productId: number; inStock: boolean }) {
  return (
    <form action="/cart" method="get" className="flex gap-3">
      <input type="hidden" name="add" value={productId} />
      <button
        type="submit"
        disabled={!inStock}
        className="tap flex-1 rounded-full bg-accent px-6 text-base font-semibold text-accent-ink disabled:cursor-not-allowed disabled:opacity-50"
      >
        {inStock ? "Add to cart" : "Sold out"}
      </button>
    </form>
  );
}
