import { StaffRoleForm } from "@/components/admin/staff-role-form";
import { requireStaff, staffMetadata } from "@/lib/admin/action";
import { getStaff } from "@/lib/staff/admin-queries";

export const generateMetadata = staffMetadata("Staff", ["admin"]);

/** Admins only: who can use /admin, and with which role. */
export default async function StaffPage() {
  const me = await requireStaff(["admin"]);
  const staff = await getStaff();
  return (
    <section>
      <h1 className="text-2xl font-semibold">Staff</h1>
      <p className="mt-1 max-w-prose text-sm text-muted">
        Merchandisers run products, inventory, deals, segments, customers and orders; admins can also manage staff and event sources. Every change is in the audit log.
      </p>
      <div className="mt-6 overflow-x-auto" tabIndex={0} /* keyboard-scrollable when wider than the screen */>
        <table className="w-full min-w-[32rem] text-left text-sm [&_td]:pr-4 [&_th]:pr-4" data-testid="staff">
          <thead className="text-muted">
            <tr>
              <th className="py-2">Email</th>
              <th>Name</th>
              <th>Role</th>
              <th>Password set</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <tr key={s.id} className="border-t border-line">
                <td className="py-2 font-medium">
                  {s.email}
                  {s.id === me.id ? " (you)" : ""}
                </td>
                <td>{s.name ?? "—"}</td>
                <td>{s.role}</td>
                <td>{s.hasPassword ? "yes" : "invited"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="mt-8 text-lg font-semibold">Give or change a role</h2>
      <div className="mt-3">
        <StaffRoleForm />
      </div>
    </section>
  );
}
