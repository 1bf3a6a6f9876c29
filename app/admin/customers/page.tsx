import Link from "next/link";
import { z } from "zod";
import { findCustomers } from "@/lib/customers/admin-queries";
import { formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Customers");

const query = z.object({ q: z.string().trim().max(100).catch("").default("") });

/** Find a customer by number, email or name; a result opens their 360° view. */
export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q } = query.parse(await searchParams);
  const rows = q ? await findCustomers(q) : [];
  return (
    <section>
      <h1 className="text-2xl font-semibold">Customers</h1>
      <form role="search" aria-label="Find a customer" className="mt-4 flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Number, email or name</span>
          <input type="search" name="q" defaultValue={q} className="tap w-72 rounded-md border border-line bg-surface px-2" />
        </label>
        <button type="submit" className="tap rounded-full bg-accent px-5 font-semibold text-accent-ink">
          Search
        </button>
      </form>
      {q ? (
        <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
          <table className="w-full min-w-[40rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="customers">
            <thead className="text-muted">
              <tr>
                <th className="py-2">Customer</th>
                <th>Number</th>
                <th>Country</th>
                <th>Stage</th>
                <th className="text-right">Orders</th>
                <th className="text-right">Lifetime value</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-t border-line">
                  <td className="py-2">
                    <Link href={`/admin/customers/${c.id}`} className="font-medium hover:underline">
                      {c.name ?? c.email}
                    </Link>
                    <br />
                    <span className="text-muted">{c.email}</span>
                  </td>
                  <td>
                    #{c.id}
                    {c.externalId ? ` (${c.externalId})` : ""}
                  </td>
                  <td>{c.country ?? "—"}</td>
                  <td>{c.lifecycle ?? "—"}</td>
                  <td className="text-right tabular-nums">{c.orders ?? 0}</td>
                  <td className="text-right tabular-nums">{formatPrice(c.ltv ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!rows.length ? <p className="mt-4 text-muted">No customer matches “{q}”.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
