import { getImageSubject } from "@/lib/catalog/queries";
import { parseImageFile, renderProductImage } from "@/lib/catalog/render-image";

/**
 * GET /img/p/{sku}/{view}-{width}.{webp|png}: generated product art. Deterministic per product,
 * so a day of browser/CDN caching is safe; art changes with the product's category or colour.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ sku: string; file: string }> }) {
  const { sku, file } = await ctx.params;
  const wanted = parseImageFile(file);
  if (!wanted || !/^[A-Za-z0-9_ .-]{1,40}$/.test(sku)) return new Response("Not found", { status: 404 });
  const subject = await getImageSubject(sku.toUpperCase());
  if (!subject) return new Response("Not found", { status: 404 });
  const body = await renderProductImage(subject, wanted);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": wanted.format === "png" ? "image/png" : "image/webp",
      "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
      "Content-Length": String(body.length),
    },
  });
}
