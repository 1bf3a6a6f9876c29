import "server-only";
import { requireStaff } from "./action";
import { getDb } from "@/lib/db";
import { listAudit, type AuditFilter } from "./audit";
import { listOutbox } from "./outbox";

/** Staff only: checked here as well as in the admin layout, so the read is never reachable without the role. */
export async function getOutbox(page: number) {
  await requireStaff();
  return listOutbox(await getDb(), page);
}

export async function getAudit(filter: AuditFilter) {
  await requireStaff();
  return listAudit(await getDb(), filter);
}
