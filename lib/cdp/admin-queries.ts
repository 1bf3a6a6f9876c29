import "server-only";
import { getDb } from "@/lib/db";
import { listSegments } from "./segments";
import { listSources } from "./sources";

export async function getSources() {
  return listSources(await getDb());
}

export async function getSegmentsOverview() {
  return listSegments(await getDb());
}
