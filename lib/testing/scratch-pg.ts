import crypto from "node:crypto";
import pg from "pg";

/**
 * A new PostgreSQL database next to `adminUrl`, empty or a copy of `template`; `drop` removes it
 * (closing its connections).
 */
export async function createScratchPgDatabase(adminUrl: string, prefix = "hearth_test", template?: string) {
  const name = `${prefix}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}${template ? ` template ${template}` : ""}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
