import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listReturns } from "./manage";

export const getAdminReturns = staffRead(listReturns);
