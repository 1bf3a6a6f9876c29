import Link from "next/link";
import { auditFilterSchema } from "@/lib/admin/audit";
import { getAudit } from "@/lib/admin/queries";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Audit log");

const when = (d: Date) => d.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "medium" });
const show = (v: unknown) => (v == null ? "—" : JSON.stringify(v, null, 1));

/** Every admin write: who, when, what, before and after; filterable, newest first. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filter = auditFilterSchema.parse(await searchParams);
  const { rows, next } = await getAudit(filter);
  const qs = (extra: Record<string, string | number>) => {
    const p = new URLSearchParams(
      Object.entries({ ...filter, ...extra })
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return `/admin/audit${p.size ? `?${p}` : ""}`;
  };
  return (
    <section>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter the audit log">
        {[
          ["entity", "Entity", "product, user, deal…"],
          ["entityId", "Id", ""],
          ["actor", "Who (email)", ""],
          ["action", "Action", "product.update…"],
        ].map(([name, label, ph]) => (
          <label key={name} className="flex flex-col gap-1">
            <span className="font-medium">{label}</span>
            <input
              name={name}
              defaultValue={(filter as Record<string, unknown>)[name!] as string | undefined}
              placeholder={ph}
              className="tap w-40 rounded-md border border-line bg-surface px-2"
            />
          </label>
        ))}
        <button type="submit" className="tap rounded-full bg-accent px-5 font-semibold text-accent-ink">
          Filter
        </button>
        <Link href="/admin/audit" className="tap inline-flex items-center px-2 underline">
          Clear
        </Link>
      </form>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[48rem] text-left text-sm [&_td]:pr-4 [&_td]:align-top [&_th]:pr-4" data-testid="audit">
          <thead className="text-muted">
            <tr>
              <th className="py-2">When</th>
              <th>Who</th>
              <th>Action</th>
              <th>What</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-line">
                <td className="py-2 whitespace-nowrap">{when(r.at)}</td>
                <td>{r.actorEmail}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  <Link className="underline" href={qs({ entity: r.entity, entityId: r.entityId ?? "", before: "" })}>
                    {r.entity}
                    {r.entityId ? ` #${r.entityId}` : ""}
                  </Link>
                </td>
                <td>
                  <pre className="max-w-xs whitespace-pre-wrap break-words text-xs">{show(r.before)}</pre>
                </td>
                <td>
                  <pre className="max-w-xs whitespace-pre-wrap break-words text-xs">{show(r.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!rows.length ? <p className="mt-4 text-muted">No entries.</p> : null}
      </div>
      {next ? (
        <p className="mt-4">
          <Link className="tap inline-flex items-center underline" href={qs({ before: next })}>
            Older entries
          </Link>
        </p>
      ) : null}
    </section>
  );
}
