import { sql, type SQL } from "drizzle-orm";

/** A PostgreSQL text[] built from bound parameters (`array[$1, $2]::text[]`; empty lists work too). */
export function textArray(values: string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** A PostgreSQL int[] built from bound parameters. */
export function intArray(values: number[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::int`),
    sql`, `,
  )}]::int[]`;
}
