import { adminRoute } from "@/lib/admin/action";
import { exportProductsCsv } from "@/lib/catalog/csv";
import { getDb } from "@/lib/db";

/** GET /admin/products/export: every product as CSV (the format the import reads). */
export const GET = adminRoute(["admin", "merchandiser"], async () => {
  const csv = await exportProductsCsv(await getDb());
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearth-products-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
