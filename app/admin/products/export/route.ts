import { adminRoute } from "@/lib/admin/action";
import { getProductsCsv } from "@/lib/catalog/admin-queries";

/** GET /admin/products/export: every product as CSV (the format the import reads). */
export const GET = adminRoute(["admin", "merchandiser"], async () => {
  const csv = await getProductsCsv();
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="hearth-products-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
