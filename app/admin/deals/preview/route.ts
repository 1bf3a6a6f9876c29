import { z } from "zod";
import { adminRoute } from "@/lib/admin/action";
import { getDealPreview } from "@/lib/deals/admin-queries";

/** Only what the preview needs from the deal form; the rest of the form is not checked here. */
const previewSchema = z.object({
  scope: z.enum(["all", "categories", "products"]).catch("all"),
  categoryIds: z
    .array(
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number),
    )
    .max(50)
    .catch([]),
  productCodes: z.string().max(2000).catch(""),
  segments: z
    .array(z.string().regex(/^[a-z0-9-]{1,60}$/))
    .max(50)
    .catch([]),
  lifecycle: z
    .array(z.string().regex(/^[a-z_]{1,20}$/))
    .max(10)
    .catch([]),
  customers: z.string().max(2000).catch(""),
  firstOrderOnly: z.string().optional(),
});

/** GET /admin/deals/preview?…: how many customers the targeting reaches and which products are in scope, live while editing. */
export const GET = adminRoute(["admin", "merchandiser"], async (_user, req: Request) => {
  const q = new URL(req.url).searchParams;
  const p = previewSchema.parse({
    scope: q.get("scope") ?? undefined,
    categoryIds: q.getAll("categoryIds"),
    productCodes: q.get("productCodes") ?? "",
    segments: q.getAll("segments"),
    lifecycle: q.getAll("lifecycle"),
    customers: q.get("customers") ?? "",
    firstOrderOnly: q.get("firstOrderOnly") ?? undefined,
  });
  const customers = p.customers
    .split(/[\s,]+/)
    .filter((c) => /^\d{1,9}$/.test(c))
    .map(Number);
  const targeting = { segments: p.segments, lifecycle: p.lifecycle, customers, ...(p.firstOrderOnly === "on" ? { firstOrderOnly: true } : {}) };
  const codes = [
    ...new Set(
      p.productCodes
        .split(/[\s,]+/)
        .map((c) => c.toUpperCase())
        .filter(Boolean),
    ),
  ];
  return Response.json(await getDealPreview(targeting, p.scope, p.categoryIds, codes), { headers: { "cache-control": "no-store" } });
});
