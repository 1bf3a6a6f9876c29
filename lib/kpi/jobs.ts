import type { Job } from "@/lib/jobs/schedule";
import { env } from "@/lib/env";
import { refreshKpiFacts } from "./facts";

/** Keeps the KPI facts warm, so opening the dashboard after a quiet spell has little to catch up on. */
export const KPI_JOBS: Job[] = [
  {
    name: "kpi:refresh",
    everySeconds: env().KPI_REFRESH_MINUTES * 60,
    run: async (db) => {
      const r = await refreshKpiFacts(db);
      return { orders: r.orders, customers: r.customers, full: r.full, ms: r.ms };
    },
  },
];
