import { parseArgs } from "node:util";
import { getDb } from "@/lib/db";
import { kpiFiltersSchema } from "@/lib/kpi/filters";
import { kpiReport } from "@/lib/kpi/queries";
import { formatReport } from "@/lib/kpi/text";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: npm run kpi -- --from YYYY-MM-DD --to YYYY-MM-DD [--segment slug] [--device mobile|tablet|desktop] [--country name] [--json]";

/** The dashboard's KPIs for a range, from the same queries, as text or JSON (for reports and scheduled jobs). */
void runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        segment: { type: "string" },
        device: { type: "string" },
        country: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  if (!values.from || !values.to) throw new UsageError(USAGE);
  const parsed = kpiFiltersSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`);
  const report = await kpiReport(await getDb(), parsed.data);
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
});
