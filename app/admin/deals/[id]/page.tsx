import Link from "next/link";
import { notFound } from "next/navigation";
import { DealActiveToggle } from "@/components/admin/deals/deal-active-toggle";
import { DealForm } from "@/components/admin/deals/deal-form";
import { getDealForEdit, getDealFormOptions } from "@/lib/deals/admin-queries";
import { dealFormValues } from "@/lib/deals/form-values";
import { formatDateTime, formatPrice } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Edit deal");

export default async function EditDealPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) notFound();
  const [found, options, flags] = await Promise.all([getDealForEdit(id), getDealFormOptions(), searchParams]);
  if (!found) notFound();
  const { deal, codes, redemptions } = found;
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/deals" className="underline">
          Deals
        </Link>
      </p>
      <div className="mt-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          {deal.name} <code className="text-base text-muted">{deal.code}</code>
        </h1>
        <div className="text-sm">
          {deal.active ? "Active" : "Paused"} · <DealActiveToggle id={deal.id} active={deal.active} /> ·{" "}
          <Link className="underline" href={`/admin/audit?entity=deal&entityId=${deal.id}`}>
            History
          </Link>
        </div>
      </div>
      {flags.created ? (
        <p role="status" className="mt-3 rounded-md bg-sunken p-3 text-sm text-success">
          Deal created.
        </p>
      ) : null}
      <div className="mt-6">
        <DealForm options={options} values={dealFormValues(deal, codes)} />
      </div>
      <h2 className="mt-10 text-lg font-semibold">Redemptions ({deal.redemptions})</h2>
      <div className="mt-3 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[32rem] text-left text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="redemptions">
          <thead className="text-muted">
            <tr>
              <th className="py-1">When</th>
              <th>Order</th>
              <th>Customer</th>
              <th className="text-right">Discount</th>
            </tr>
          </thead>
          <tbody>
            {redemptions.map((r) => (
              <tr key={`${r.orderNumber}-${r.at.toISOString()}`} className="border-t border-line">
                <td className="py-1">{formatDateTime(r.at)}</td>
                <td>
                  <code>{r.orderNumber}</code>
                </td>
                <td>{r.email ?? "deleted account"}</td>
                <td className="text-right tabular-nums">{formatPrice(r.discountPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!redemptions.length ? <p className="mt-2 text-muted">Not redeemed yet.</p> : null}
      </div>
    </section>
  );
}
