/**
 * For the personalized-page benchmark (run while the store is stopped): a customer who gets the
 * personalized store (not in the control group, with a For you list and an exclusive deal).
 * Prints "<user id> <session version>" on stdout.
 */
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { eligibleDeals } from "@/lib/deals/eligibility";
import { inControlGroup } from "@/lib/recs/holdout";
import { runCli } from "../scripts/cli";

void runCli(async () => {
  const db = await getDb();
  const { rows } = await db.execute<{ id: number; sv: number }>(sql`
    select u.id, u.session_version as sv from users u
    where u.role = 'customer' and exists (select 1 from recs_for_user r where r.user_id = u.id)
    order by u.id`);
  for (const r of rows) {
    if (inControlGroup(Number(r.id))) continue;
    if ((await eligibleDeals(db, Number(r.id))).length) return console.log(`${r.id} ${r.sv}`);
  }
  throw new Error("no customer with recommendations and a deal outside the control group");
});
