import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { customer360, searchCustomers } from "./admin";

export async function findCustomers(q: string) {
  await requireStaff();
  return searchCustomers(await getDb(), q);
}

export async function getCustomer360(id: number) {
  await requireStaff();
  return customer360(await getDb(), id);
}
