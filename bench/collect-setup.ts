/**
 * For the collect benchmark (run while the store is stopped): a trusted source, its write key on
 * stdout, and analytics consent for the anonymous ids the load uses.
 */
import { saveConsent } from "@/lib/cdp/identity/consent";
import { createSource } from "@/lib/cdp/collect/sources";
import { getDb } from "@/lib/db";
import { runCli } from "../scripts/cli";

void runCli(async () => {
  const db = await getDb();
  const { writeKey } = await createSource(db, { name: "bench", trusted: true });
  for (let i = 0; i < 100; i++) await saveConsent(db, { anonymousId: `bench-anon-${String(i).padStart(8, "0")}` }, { analytics: true, personalization: false, source: "api" });
  console.log(writeKey);
});
