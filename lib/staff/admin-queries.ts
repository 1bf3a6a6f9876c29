import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listStaff } from "./admin";

export const getStaff = staffRead(listStaff, ["admin"]);
