import "server-only";
import { staffRead } from "@/lib/admin/action";
import { customer360, searchCustomers } from "./admin";

export const findCustomers = staffRead((db, q: string) => searchCustomers(db, q));
export const getCustomer360 = staffRead(customer360);
