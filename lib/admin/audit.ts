import { and, desc, eq, ilike, lt, sql, type SQL } from "drizzle-orm";
import { textInput } from "@/lib/input";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import type { Db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";

export const AUDIT_PER_PAGE = 50;

/** The audit page's filters, from the URL. */
export const auditFilterSchema = z.object({
  entity: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z_]*$/)
    .optional()
    .catch(undefined),
  entityId: textInput({ max: 40 }).optional().catch(undefined),
  actor: textInput({ max: 200 }).optional().catch(undefined),
  action: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  /** Keyset cursor: entries older than this id (pages stay fast however long the log gets). */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Audit entries, newest first, filtered by entity (and id), actor email and action prefix. */
export async function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditLog.entity, f.entity));
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId));
  if (f.actor) where.push(ilike(auditLog.actorEmail, `%${escapeLike(f.actor)}%`));
  if (f.action) where.push(sql`${auditLog.action} like ${`${f.action}%`}`);
  if (f.before) where.push(lt(auditLog.id, f.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PER_PAGE + 1);
  return { rows: rows.slice(0, AUDIT_PER_PAGE), next: rows.length > AUDIT_PER_PAGE ? rows[AUDIT_PER_PAGE - 1]!.id : null };
}

/** The listed fields of a row, as an audit entry's value. */
export function pickFields<T extends object, K extends keyof T>(row: Partial<T>, keys: readonly K[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in row).map((k) => [k, row[k]]));
}

/** Only the listed fields that changed, before and after (compared by value, so arrays and JSON count as equal when equal). */
export function changedFields<T extends object, K extends keyof T>(before: T, after: T, keys: readonly K[]) {
  const b: Record<string, unknown> = {},
    a: Record<string, unknown> = {};
  for (const k of keys) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k as string] = before[k];
      a[k as string] = after[k];
    }
  }
  return { before: b, after: a };
}
