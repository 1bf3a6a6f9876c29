import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { listStaff } from "./manage";

export async function getStaff() {
  await requireStaff(["admin"]);
  return listStaff(await getDb());
}
