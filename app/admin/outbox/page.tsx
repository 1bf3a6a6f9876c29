import { Pagination } from "@/components/catalog/pagination";
import { ResendMailButton } from "@/components/admin/resend-mail-button";
import { getOutbox } from "@/lib/admin/queries";
import { formatDateTime } from "@/lib/format";
import { staffMetadata } from "@/lib/admin/action";

export const generateMetadata = staffMetadata("Outbox");

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Math.min(100_000, Number((await searchParams).page) || 1));
  const box = await getOutbox(page);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="mt-1 text-sm text-muted">
        {box.total} messages.{" "}
        {box.smtp ? (
          "The worker sends pending mail through SMTP, retrying failures with backoff."
        ) : (
          <>
            No <code>SMTP_URL</code> is set, so mail waits here as pending: password resets and order emails can be read and passed on.
          </>
        )}
      </p>
      <ul className="mt-4 flex flex-col gap-3" data-testid="outbox">
        {box.rows.map((m) => (
          <li key={m.id} className="rounded-lg border border-line bg-surface p-4">
            <details>
              <summary className="tap flex cursor-pointer flex-wrap items-center gap-x-3">
                <span className="font-medium">{m.subject}</span>
                <span className="text-sm text-muted">
                  to {m.to} · {formatDateTime(m.createdAt)}
                </span>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ${m.status === "failed" ? "bg-accent-soft text-danger" : m.status === "sent" ? "bg-sunken text-success" : "bg-sunken text-muted"}`}
                  data-testid="outbox-status"
                >
                  {m.status === "sent" && m.sentAt ? `sent ${formatDateTime(m.sentAt)}` : m.status}
                </span>
                {m.attempts ? (
                  <span className="text-xs text-muted">
                    {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
                  </span>
                ) : null}
              </summary>
              {m.lastError ? <p className="mt-2 text-sm text-danger">Last error: {m.lastError}</p> : null}
              {m.status !== "pending" || m.attempts ? (
                <div className="mt-2">
                  <ResendMailButton id={m.id} />
                </div>
              ) : null}
              <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      <Pagination page={box.page} pageCount={box.pageCount} href={(p) => `/admin/outbox${p > 1 ? `?page=${p}` : ""}`} />
    </section>
  );
}
