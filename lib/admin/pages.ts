import type { StaffRole } from "./action";

/**
 * Every admin page and who may open it: the admin navigation is built from this list, and the
 * authorization e2e test checks that every page under app/admin is listed here and that each
 * role gets what the list says (everyone else a 404).
 */
export const ADMIN_PAGES: { href: string; label: string; roles: StaffRole[]; nav?: false }[] = [
  { href: "/admin/products", label: "Products", roles: ["admin", "merchandiser"] },
  { href: "/admin/segments", label: "Segments", roles: ["admin", "merchandiser"] },
  { href: "/admin/audit", label: "Audit log", roles: ["admin", "merchandiser"] },
  { href: "/admin/outbox", label: "Outbox", roles: ["admin", "merchandiser"] },
  { href: "/admin/staff", label: "Staff", roles: ["admin"] },
  { href: "/admin/sources", label: "Sources", roles: ["admin"] },
];
