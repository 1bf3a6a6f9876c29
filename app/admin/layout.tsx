import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { requireStaff, staffUser } from "@/lib/admin/action";
import { ADMIN_PAGES } from "@/lib/admin/pages";

// Staff get the admin's titles; for anyone else the shop's template stays, so the page's 404 title
// (lib/admin/action.ts staffMetadata) reads as every other 404's.
export async function generateMetadata(): Promise<Metadata> {
  return (await staffUser()) ? { title: { default: "Admin", template: "%s · Hearth admin" }, robots: { index: false } } : { robots: { index: false } };
}
export const dynamic = "force-dynamic";

/** Staff pages: anyone without the admin or merchandiser role gets a 404, checked on the server. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireStaff();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-surface print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Logo />
          <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold">Admin</span>
          <nav aria-label="Admin" className="ml-auto flex flex-wrap gap-x-2 text-sm">
            {ADMIN_PAGES.filter((p) => p.nav !== false && p.roles.includes(user.role as "admin")).map((p) => (
              <Link key={p.href} href={p.href} className="tap inline-flex items-center px-2 hover:text-accent">
                {p.label}
              </Link>
            ))}
          </nav>
          <span className="text-sm text-muted">{user.email}</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </div>
  );
}
