import "server-only";
import { requireStaff } from "@/lib/admin/action";
import { getDb } from "@/lib/db";
import { listSegmentsWithTrend } from "./segments";
import { listSources } from "./sources";

export async function getSources() {
  await requireStaff(["admin"]);
  return listSources(await getDb());
}

export async function getSegmentsOverview() {
  await requireStaff();
  return listSegmentsWithTrend(await getDb());
}
