import "server-only";
import sharp from "sharp";
import { productArtSvg, type ArtSubject } from "./art";
import { IMAGE_WIDTHS, type ImageWidth } from "./image-urls";

export type ImageRequest = { view: number; width: ImageWidth; format: "webp" | "png" | "avif" };

/** Parses "0-480.webp" → { view, width, format }; anything else is null (→ 404). Views 0–9 (uploads), art has 0–2. */
export function parseImageFile(file: string): ImageRequest | null {
  const m = /^(\d)-(\d{2,4})\.(webp|png|avif)$/.exec(file);
  if (!m) return null;
  const width = Number(m[2]) as ImageWidth;
  if (!IMAGE_WIDTHS.includes(width)) return null;
  return { view: Number(m[1]), width, format: m[3] as ImageRequest["format"] };
}

/** Renders a product's art at one size, stripped of metadata and compressed. */
export async function renderProductImage(subject: ArtSubject, req: ImageRequest & { format: "webp" | "png" }): Promise<Buffer> {
  const svg = Buffer.from(productArtSvg(subject, req.view));
  const img = sharp(svg, { density: Math.ceil((72 * req.width) / 400) }).resize(req.width, req.width);
  return req.format === "png" ? img.png({ compressionLevel: 9, palette: true }).toBuffer() : img.webp({ quality: 78, effort: 4 }).toBuffer();
}
