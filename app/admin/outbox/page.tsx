import type { Metadata } from "next";
import { Pagination } from "@/components/catalog/pagination";
import { getOutbox } from "@/lib/admin/queries";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Math.min(100_000, Number((await searchParams).page) || 1));
  const box = await getOutbox(page);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="mt-1 text-sm text-muted">
        {box.total} messages. Without <code>SMTP_URL</code> mail is kept here instead of being sent, so password resets and order emails can be read and passed on.
      </p>
      <ul className="mt-4 flex flex-col gap-3" data-testid="outbox">
        {box.rows.map((m) => (
          <li key={m.id} className="rounded-lg border border-line bg-surface p-4">
            <details>
              <summary className="tap flex cursor-pointer flex-wrap items-center gap-x-3">
                <span className="font-medium">{m.subject}</span>
                <span className="text-sm text-muted">to {m.to} · {m.createdAt.toLocaleString("en-GB", { timeZone: "Europe/London" })} · {m.sentAt ? "sent by SMTP" : "not sent"}</span>
              </summary>
              <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
      <Pagination page={box.page} pageCount={box.pageCount} href={(p) => `/admin/outbox${p > 1 ? `?page=${p}` : ""}`} />
    </section>
  );
}
