import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listReturns } from "./admin";

export const getAdminReturns = staffRead(listReturns);
