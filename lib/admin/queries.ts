import "server-only";
import { staffRead } from "./action";
import { listAudit } from "./audit";
import { listOutbox } from "./outbox";

// Staff only: checked here as well as in the admin layout, so the read is never reachable without the role.
export const getOutbox = staffRead(listOutbox);
export const getAudit = staffRead(listAudit);
