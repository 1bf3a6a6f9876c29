import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { requireRole } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Hearth admin" }, robots: { index: false } };
export const dynamic = "force-dynamic";

/** Staff pages: anyone without the admin or merchandiser role gets a 404, checked on the server. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("admin", "merchandiser");
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Logo />
          <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold">Admin</span>
          <nav aria-label="Admin" className="ml-auto flex gap-2 text-sm">
            <Link href="/admin/segments" className="tap inline-flex items-center px-2 hover:text-accent">Segments</Link>
            {user.role === "admin" ? <Link href="/admin/sources" className="tap inline-flex items-center px-2 hover:text-accent">Sources</Link> : null}
            <Link href="/admin/outbox" className="tap inline-flex items-center px-2 hover:text-accent">Outbox</Link>
          </nav>
          <span className="text-sm text-muted">{user.email}</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
