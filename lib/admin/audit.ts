import { and, desc, eq, ilike, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import type { Db } from "@/lib/db";

export const AUDIT_PER_PAGE = 50;

/** The audit page's filters, from the URL. */
export const auditFilterSchema = z.object({
  entity: z.string().trim().max(40).regex(/^[a-z_]*$/).optional().catch(undefined),
  entityId: z.string().trim().max(40).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[a-z_.]*$/).optional().catch(undefined),
  /** Keyset cursor: entries older than this id (pages stay fast however long the log gets). */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Audit entries, newest first, filtered by entity (and id), actor email and action prefix. */
export async function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actor) where.push(ilike(auditLog.actorEmail, `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.action) where.push(sql`${auditLog.action} like ${`${f.action}%`}`);
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(AUDIT_PER_PAGE + 1);
  return { rows: rows.slice(0, AUDIT_PER_PAGE), next: rows.length > AUDIT_PER_PAGE ? rows[AUDIT_PER_PAGE - 1]!.id : null };
}
