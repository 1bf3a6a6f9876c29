import sharp, { type Metadata } from "sharp";
import { UserError } from "@/lib/result";
import { IMAGE_WIDTHS } from "./image-urls";
import { MAX_IMAGE_BYTES, MAX_IMAGE_MB } from "./image-limits";

const FORMATS = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff", "heif"]);
/** Refuse decompression bombs: a small file that expands to a huge bitmap. */
const MAX_PIXELS = 40_000_000;

export type ProcessedImage = { name: string; width: number; height: number; files: { width: number; format: "webp" | "avif"; data: Uint8Array }[] };

/**
 * Checks that an upload is a real picture (decoded by sharp, not trusted by its name or type),
 * turns it upright (EXIF orientation), drops every piece of metadata (location, camera, ICC
 * notes) and makes square-cropped WebP and AVIF copies at the storefront's widths, never upscaled.
 */
export async function processUpload(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }): Promise<ProcessedImage> {
  const label = `“${file.name.slice(0, 60)}”`;
  if (file.size > MAX_IMAGE_BYTES) throw new UserError(`${label} is ${(file.size / 1048576).toFixed(1)} MB: pictures can be at most ${MAX_IMAGE_MB} MB.`, "files");
  if (file.size === 0) throw new UserError(`${label} is empty.`, "files");
  const input = Buffer.from(await file.arrayBuffer());
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UserError(`${label} is not a picture we can read (JPEG, PNG, WebP, AVIF, GIF or TIFF).`, "files");
  }
  if (!meta.format || !FORMATS.has(meta.format) || !meta.width || !meta.height)
    throw new UserError(`${label} is not a picture we can read (JPEG, PNG, WebP, AVIF, GIF or TIFF).`, "files");
  if (meta.width * meta.height > MAX_PIXELS) throw new UserError(`${label} is too large (${meta.width}×${meta.height}); at most 40 megapixels.`, "files");
  if (Math.min(meta.width, meta.height) < 160) throw new UserError(`${label} is too small (${meta.width}×${meta.height}); at least 160 pixels on each side.`, "files");
  const files: ProcessedImage["files"] = [];
  try {
    // rotate() applies EXIF orientation; sharp writes no metadata unless asked to.
    const upright = await sharp(input, { limitInputPixels: MAX_PIXELS }).rotate().toBuffer();
    for (const width of IMAGE_WIDTHS) {
      const square = sharp(upright).resize(width, width, { fit: "cover", position: "attention", withoutEnlargement: true });
      files.push({ width, format: "webp", data: await square.clone().webp({ quality: 80, effort: 4 }).toBuffer() });
      files.push({ width, format: "avif", data: await square.clone().avif({ quality: 55, effort: 2 }).toBuffer() });
    }
  } catch {
    throw new UserError(`${label} could not be processed; is the file complete?`, "files");
  }
  const orientedSwap = (meta.orientation ?? 1) >= 5;
  return { name: file.name, width: orientedSwap ? meta.height : meta.width, height: orientedSwap ? meta.width : meta.height, files };
}
