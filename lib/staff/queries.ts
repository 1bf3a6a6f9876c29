import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listStaff } from "./manage";

export const getStaff = staffRead(listStaff, ["admin"]);
