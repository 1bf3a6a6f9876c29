import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { listAdminOrders, orderCustomer, type AdminOrdersParams } from "./admin";
import { orderByNumber } from "./read";

export async function getAdminOrders(p: AdminOrdersParams) {
  await requireStaff();
  return listAdminOrders(await getDb(), p);
}

/** Any order by number (staff see every order), with its customer. */
export async function getAdminOrder(number: string) {
  await requireStaff();
  const db = await getDb();
  const detail = await orderByNumber(db, number, null);
  return detail ? { ...detail, customer: await orderCustomer(db, detail.order.userId) } : null;
}
