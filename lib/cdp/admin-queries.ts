import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listSegmentsWithTrend } from "./segments";
import { listSources } from "./sources";

export const getSources = staffRead(listSources, ["admin"]);
export const getSegmentsOverview = staffRead(listSegmentsWithTrend);
