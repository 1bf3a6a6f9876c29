"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/admin/action";
import { setRole, staffSchema } from "./admin";

const roleName = { customer: "a customer (no staff access)", merchandiser: "a merchandiser", admin: "an admin" };

/** Admins only: give an account a role (a new email gets an account and a link to set its password). */
export const setStaffRoleAction = adminAction(
  { name: "staff.role", roles: ["admin"], schema: staffSchema },
  async (input, ctx) => {
    const r = await setRole(ctx, input);
    return { ...r, message: r.created ? `Account created for ${input.email}; a link to set a password is on its way.` : `${input.email} is now ${roleName[input.role]}.` };
  },
  () => revalidatePath("/admin/staff"),
);
