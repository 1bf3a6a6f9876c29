import "server-only";
import { staffRead } from "@/lib/admin/action";
import { listSegmentsWithTrend, previewRule } from "@/lib/cdp/audience/segments";
import { listRejections, listSources } from "@/lib/cdp/collect/sources";
import { listDeadLetters } from "@/lib/cdp/collect/write";

export const getSources = staffRead(listSources, ["admin"]);
export const getSegmentsOverview = staffRead(listSegmentsWithTrend);
/** How many customers a draft rule selects now (the builder's live count). */
export const getRuleCount = staffRead(previewRule);
export const getDeadLetters = staffRead(listDeadLetters, ["admin"]);
export const getRejections = staffRead(listRejections, ["admin"]);
