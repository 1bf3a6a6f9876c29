import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";

export type Job = { name: string; everySeconds: number; run: (db: Db) => Promise<Record<string, unknown>> };

/**
 * Claims a job if it is due, atomically in the database: with several app instances exactly one
 * of them runs each due job (nothing is coordinated in memory).
 */
export async function claimJob(db: Db, name: string, everySeconds: number): Promise<boolean> {
  const { rows } = await db.execute(sql`
    insert into job_runs as j (name, last_started_at) values (${name}, now())
    on conflict (name) do update set last_started_at = now()
      where j.last_started_at is null or j.last_started_at < now() - make_interval(secs => ${everySeconds})
    returning name`);
  return rows.length > 0;
}

export async function runIfDue(db: Db, job: Job): Promise<Record<string, unknown> | null> {
  if (!(await claimJob(db, job.name, job.everySeconds))) return null;
  let result: Record<string, unknown>;
  try {
    result = await job.run(db);
  } catch (err) {
    result = { error: (err as Error).message };
  }
  await db.execute(sql`update job_runs set last_finished_at = now(), last_result = ${JSON.stringify(result)}::jsonb where name = ${job.name}`);
  return result;
}
