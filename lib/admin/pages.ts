import type { StaffRole } from "./action";

/**
 * Every admin page and who may open it: the admin navigation is built from this list, and the
 * authorization e2e test checks that every page under app/admin is listed here (`route`, as the
 * folder path) and that each role gets what the list says at `href` (everyone else a 404).
 */
export const ADMIN_PAGES: { route: string; href: string; label: string; roles: StaffRole[]; nav?: false }[] = [
  { route: "/admin", href: "/admin", label: "Dashboard", roles: ["admin", "merchandiser"] },
  { route: "/admin/products", href: "/admin/products", label: "Products", roles: ["admin", "merchandiser"] },
  { route: "/admin/products/new", href: "/admin/products/new", label: "New product", roles: ["admin", "merchandiser"], nav: false },
  // A dynamic route is opened with a sample id (product 1 and deal 1 exist in every seeded store;
  // {customer} and {order} are a demo customer's id and an order number, looked up by the test).
  { route: "/admin/products/[id]", href: "/admin/products/1", label: "Edit product", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/inventory", href: "/admin/inventory", label: "Inventory", roles: ["admin", "merchandiser"] },
  { route: "/admin/deals", href: "/admin/deals", label: "Deals", roles: ["admin", "merchandiser"] },
  { route: "/admin/deals/new", href: "/admin/deals/new", label: "New deal", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/deals/[id]", href: "/admin/deals/1", label: "Edit deal", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/orders", href: "/admin/orders", label: "Orders", roles: ["admin", "merchandiser"] },
  { route: "/admin/orders/[number]", href: "/admin/orders/{order}", label: "Order", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/orders/[number]/packing-slip", href: "/admin/orders/{order}/packing-slip", label: "Packing slip", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/orders/pick-list", href: "/admin/orders/pick-list", label: "Pick list", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/returns", href: "/admin/returns", label: "Returns", roles: ["admin", "merchandiser"] },
  { route: "/admin/customers", href: "/admin/customers", label: "Customers", roles: ["admin", "merchandiser"] },
  { route: "/admin/customers/[id]", href: "/admin/customers/{customer}", label: "Customer", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/segments", href: "/admin/segments", label: "Segments", roles: ["admin", "merchandiser"] },
  { route: "/admin/segments/new", href: "/admin/segments/new", label: "New segment", roles: ["admin", "merchandiser"], nav: false },
  { route: "/admin/audit", href: "/admin/audit", label: "Audit log", roles: ["admin", "merchandiser"] },
  { route: "/admin/outbox", href: "/admin/outbox", label: "Outbox", roles: ["admin", "merchandiser"] },
  { route: "/admin/staff", href: "/admin/staff", label: "Staff", roles: ["admin"] },
  { route: "/admin/sources", href: "/admin/sources", label: "Sources", roles: ["admin"] },
];
