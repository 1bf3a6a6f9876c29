import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listAdminOrders, orderCustomer, pickList } from "./admin";
import { orderWithReturns } from "./read";

export const getAdminOrders = staffRead(listAdminOrders);

/** Any order by number (staff see every order), with its customer. */
export const getAdminOrder = staffRead(async (db, number: string) => {
  const detail = await orderWithReturns(db, number, null);
  return detail ? { ...detail, customer: await orderCustomer(db, detail.order.userId) } : null;
});

export const getPickList = staffRead(pickList);
