import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * A column as a predicate shared by Drizzle and raw SQL names it: through the table alias a raw
 * query gave it (`o`, `p`), or, without one, as Drizzle's own qualified column.
 */
export function aliased(alias: string | undefined, column: PgColumn): SQL {
  if (alias === undefined) return sql`${column}`;
  // An alias is written in code, never taken from input; refuse anything that is not a bare name.
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return sql.raw(`${alias}."${column.name}"`);
}
