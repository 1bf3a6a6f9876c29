import { getImageSubject, getUploadedImage } from "@/lib/catalog/queries";
import { parseImageFile, renderProductImage } from "@/lib/catalog/render-image";

const TYPES = { webp: "image/webp", png: "image/png", avif: "image/avif" } as const;

/**
 * GET /img/p/{sku}/{view}-{width}.{webp|avif|png}[?v=N]: the product's uploaded picture at that
 * position, else generated art (views 0–2). Addresses with a picture version (`?v`, bumped on
 * every picture change) never change content, so they are cached for a year; without one, a day.
 */
export async function GET(req: Request, ctx: { params: Promise<{ sku: string; file: string }> }) {
  const { sku, file } = await ctx.params;
  const wanted = parseImageFile(file);
  if (!wanted || !/^[A-Za-z0-9_ .-]{1,40}$/.test(sku)) return new Response("Not found", { status: 404 });
  const code = sku.toUpperCase();
  const versioned = new URL(req.url).searchParams.has("v");
  const cache = versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400, stale-while-revalidate=604800";
  let body: Uint8Array | null = wanted.format === "png" ? null : await getUploadedImage(code, wanted.view, wanted.width, wanted.format);
  if (!body) {
    const subject = wanted.view <= 2 && wanted.format !== "avif" ? await getImageSubject(code) : null;
    if (!subject) return new Response("Not found", { status: 404 });
    body = await renderProductImage(subject, { ...wanted, format: wanted.format as "webp" | "png" });
  }
  return new Response(new Uint8Array(body), { headers: { "Content-Type": TYPES[wanted.format], "Cache-Control": cache, "Content-Length": String(body.length) } });
}
