import { formatDay, formatPrice } from "@/lib/format";
import { getMyDeals, noteDealsViewed } from "@/lib/deals/queries";

/** "Your exclusive deals" for a signed-in customer; nothing for anyone else. */
export async function MyDeals() {
  const deals = await getMyDeals();
  if (!deals.length) return null;
  await noteDealsViewed("home", deals);
  return (
    <section aria-labelledby="my-deals" className="mt-10 rounded-xl border border-accent/30 bg-accent-soft p-4" data-testid="my-deals">
      <h2 id="my-deals" className="text-xl font-semibold">
        Your exclusive deals
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {deals.map((d) => (
          <li key={d.id} className="rounded-lg bg-surface p-3">
            <p className="font-semibold">{d.name}</p>
            <p className="text-sm text-muted">{d.description}</p>
            <p className="mt-1 text-xs text-muted">
              Applied automatically at checkout{d.minSpendPence ? ` on orders of ${formatPrice(d.minSpendPence)} or more` : ""}
              {d.endsAt ? ` · until ${formatDay(d.endsAt, "short")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
