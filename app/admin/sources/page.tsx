import { CreateSourceForm } from "@/components/admin/create-source-form";
import { RevokeSourceButton } from "@/components/admin/revoke-source-button";
import { requireStaff, staffMetadata } from "@/lib/admin/action";
import { getDeadLetters, getRejections, getSources } from "@/lib/cdp/admin-queries";
import { siteUrl } from "@/lib/site";
import { formatDateTime } from "@/lib/format";

export const generateMetadata = staffMetadata("Event sources", ["admin"]);

const when = (d: Date | null) => (d ? formatDateTime(d) : "never");

/** Admins only: write keys for Segment-compatible senders (POST /v1/batch etc.). */
export default async function SourcesPage() {
  await requireStaff(["admin"]);
  const [sources, dead, rejected] = await Promise.all([getSources(), getDeadLetters(), getRejections()]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Event sources</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Other systems send events with any Segment or RudderStack library pointed at <code>{siteUrl()}/v1</code> (the data plane URL), using the write key as the HTTP Basic user
        name. Endpoints: <code>/v1/batch</code>, <code>/v1/track</code>, <code>/v1/identify</code>, <code>/v1/page</code>, <code>/v1/alias</code>.
      </p>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[40rem] text-left text-sm [&_td]:pr-4 [&_th]:pr-4" data-testid="sources">
          <thead className="text-muted">
            <tr>
              <th className="py-2">Name</th>
              <th>Key</th>
              <th>Kind</th>
              <th>Events</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className={`border-t border-line ${s.revokedAt ? "text-muted line-through" : ""}`}>
                <td className="py-2 font-medium">{s.name}</td>
                <td>
                  <code>{s.keyPrefix}…</code>
                </td>
                <td>{s.trusted ? `server · ${s.userIds === "external" ? "shop customer ids" : "Hearth numbers"}` : "browser"}</td>
                <td>{s.events.toLocaleString("en-GB")}</td>
                <td>{when(s.lastUsedAt)}</td>
                <td>{s.revokedAt ? "revoked" : <RevokeSourceButton id={s.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mt-8 text-lg font-semibold">Refused messages</h2>
      <p className="mt-1 max-w-prose text-sm text-muted">
        What sources sent that was not stored, with the reason (the rest of each batch was; the answer was 200, as Segment&apos;s).
      </p>
      {rejected.length ? (
        <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="rejections">
          {rejected.map((r) => (
            <li key={r.id} className="rounded-md border border-line p-2">
              <span className="font-medium">{r.source}</span> · {formatDateTime(r.at)} · message {r.index}: <span className="text-danger">{r.reasons.join("; ")}</span>
              <code className="mt-1 block break-all text-xs text-muted">{r.excerpt}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-muted">None.</p>
      )}
      <h2 className="mt-8 text-lg font-semibold">Dead letters</h2>
      <p className="mt-1 max-w-prose text-sm text-muted" data-testid="dead-letters-count">
        {dead.total
          ? `${dead.total.toLocaleString("en-GB")} event${dead.total === 1 ? "" : "s"} the database refused, kept here with the reason (the rest of their batch was stored).`
          : "None: every accepted event was stored."}
      </p>
      {dead.rows.length ? (
        <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="dead-letters">
          {dead.rows.map((d) => (
            <li key={d.id} className="rounded-md border border-line p-2">
              <span className="font-medium">{d.event ?? "(no event name)"}</span> · {formatDateTime(d.at)} · <code className="break-all">{d.messageId}</code>
              <p className="text-danger">{d.error}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <h2 className="mt-8 text-lg font-semibold">New source</h2>
      <div className="mt-3">
        <CreateSourceForm />
      </div>
    </section>
  );
}
