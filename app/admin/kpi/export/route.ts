import { adminRoute } from "@/lib/admin/action";
import { tableCsv } from "@/lib/kpi/charts";
import { kpiFiltersSchema } from "@/lib/kpi/filters";
import { getKpiChart } from "@/lib/kpi/admin-queries";

/** GET /admin/kpi/export?chart=revenue&from=…&to=…: one dashboard chart's data as CSV, for the same filters. */
export const GET = adminRoute(["admin", "merchandiser"], async (_user, req: Request) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = kpiFiltersSchema.safeParse(params);
  if (!parsed.success) return new Response(parsed.error.issues.map((i) => i.message).join("\n"), { status: 400 });
  const table = await getKpiChart(parsed.data, params.chart ?? "");
  if (!table) return new Response("Unknown chart.", { status: 400 });
  const f = parsed.data;
  return new Response(tableCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearth-${table.key}-${f.from}-to-${f.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
