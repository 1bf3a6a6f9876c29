import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { productImageFiles, productImages, products, users } from "@/db/schema";
import type { Db } from "@/lib/db";
import { insertProducts } from "@/lib/testing/catalog";
import { createTestDb, dropTestDb } from "@/lib/testing/db";
import { formData, signInAs } from "@/lib/testing/session";
import { findProductBySlug } from "./listing";

/** Picture uploads through the server actions and the image route (session stand-in, real database and sharp). */
const tags = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session"));
vi.mock("next/cache", () => ({ updateTag: (t: string) => tags.push(t), unstable_cache: <F>(fn: F) => fn }));
const { deleteImageAction, imageAltAction, reorderImagesAction, uploadImagesAction } = await import("./image-actions");
const { GET } = await import("@/app/img/p/[sku]/[file]/route");

let db: Db;
let lamp = 0;
const photo = (w: number, h: number, color: string, format: "jpeg" | "png" = "jpeg") =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    [format]()
    // A camera's EXIF (orientation, a note) that must not survive.
    .withExif({ IFD0: { ImageDescription: "secret-location-51.5N", Make: "PhoneCam" } })
    .toBuffer();
const upload = (files: File[], alt = "") => uploadImagesAction(null, formData({ productId: String(lamp), alt, files }));
const image = async (file: string, v = "") => GET(new Request(`http://localhost/img/p/L1/${file}${v}`), { params: Promise.resolve({ sku: "L1", file }) });

beforeAll(async () => {
  db = await createTestDb();
  lamp = (await insertProducts(db, [{ sku: "L1", title: "Brass Lamp", category: "lighting", pricePence: 3000 }]))[0]!.id;
  const [m] = await db.insert(users).values({ email: "merch@example.com", role: "merchandiser" }).returning();
  signInAs({ id: m!.id, email: m!.email, name: null, role: "merchandiser" });
});
afterAll(dropTestDb);

describe("product pictures", () => {
  it("stores real pictures resized to every width in WebP and AVIF, metadata stripped, and the shop shows them with a new version", async () => {
    const r = await upload(
      [new File([new Uint8Array(await photo(1200, 900, "#c33"))], "red.jpg", { type: "image/jpeg" }), new File([new Uint8Array(await photo(500, 500, "#33c", "png"))], "blue.png")],
      "A brass lamp on a table",
    );
    expect(r).toMatchObject({ ok: true });
    expect(tags).toEqual(expect.arrayContaining(["catalog:listing", "catalog:product:brass-lamp-l1"]));
    const imgs = await db.select().from(productImages).where(eq(productImages.productId, lamp)).orderBy(productImages.position);
    expect(imgs.map((i) => [i.position, i.width, i.height, i.alt])).toEqual([
      [0, 1200, 900, "A brass lamp on a table"],
      [1, 500, 500, "A brass lamp on a table"],
    ]);
    const files = await db.select().from(productImageFiles).where(eq(productImageFiles.imageId, imgs[0]!.id));
    expect(files).toHaveLength(10); // 5 widths × WebP and AVIF
    for (const f of files) {
      const meta = await sharp(Buffer.from(f.data)).metadata();
      expect(meta.format).toBe(f.format === "webp" ? "webp" : "heif");
      expect(meta.width).toBe(f.width);
      expect(meta.exif).toBeUndefined();
    }
    // The smaller picture is never upscaled.
    const small = await db.select().from(productImageFiles).where(eq(productImageFiles.imageId, imgs[1]!.id));
    expect(Math.max(...(await Promise.all(small.map(async (f) => (await sharp(Buffer.from(f.data)).metadata()).width!))))).toBe(500);
    const p = await findProductBySlug(db, "brass-lamp-l1");
    expect(p).toMatchObject({ imageVersion: 1, images: ["A brass lamp on a table", "A brass lamp on a table"] });
    // The route serves the stored bytes (red first), cached for good when versioned.
    const res = await image("0-320.webp", "?v=1");
    expect(res.headers.get("cache-control")).toContain("immutable");
    const { dominant } = await sharp(Buffer.from(await res.arrayBuffer())).stats();
    expect(dominant.r).toBeGreaterThan(150);
    expect((await image("1-160.avif")).headers.get("content-type")).toBe("image/avif");
  });

  it("refuses a fake picture, an oversized file and a tiny one, keeping nothing", async () => {
    const before = (await db.select().from(productImages)).length;
    expect(await upload([new File(["<html>not an image</html>"], "evil.jpg", { type: "image/jpeg" })])).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.stringContaining("not a picture")] },
    });
    expect(await upload([new File([new Uint8Array(10 * 1024 * 1024 + 1)], "huge.png")])).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.stringContaining("at most 10 MB")] },
    });
    expect(await upload([new File([new Uint8Array(await photo(40, 40, "#000"))], "icon.jpg")])).toMatchObject({
      ok: false,
      fieldErrors: { files: [expect.stringContaining("too small")] },
    });
    // One bad file in a batch: none of the batch is kept.
    expect(await upload([new File([new Uint8Array(await photo(400, 400, "#0c0"))], "ok.jpg"), new File(["nope"], "bad.png")])).toMatchObject({ ok: false });
    expect((await db.select().from(productImages)).length).toBe(before);
    expect(await upload([])).toMatchObject({ ok: false, fieldErrors: { files: expect.any(Array) } });
  });

  it("reorders (the main picture changes), edits alt text and removes, each bumping the version", async () => {
    const [first, second] = await db.select().from(productImages).where(eq(productImages.productId, lamp)).orderBy(productImages.position);
    expect(await reorderImagesAction(null, formData({ productId: String(lamp), "order[]": [String(second!.id), String(first!.id)] }))).toMatchObject({ ok: true });
    const { dominant } = await sharp(Buffer.from(await (await image("0-320.webp")).arrayBuffer())).stats();
    expect(dominant.b).toBeGreaterThan(150); // blue is the main picture now
    await imageAltAction(null, formData({ imageId: String(second!.id), alt: "Blue shade, close up" }));
    expect((await findProductBySlug(db, "brass-lamp-l1"))!.images[0]).toBe("Blue shade, close up");
    await deleteImageAction(null, formData({ imageId: String(second!.id) }));
    const left = await db.select().from(productImages).where(eq(productImages.productId, lamp));
    expect(left.map((i) => [i.id, i.position])).toEqual([[first!.id, 0]]);
    expect((await db.select({ v: products.imageVersion }).from(products).where(eq(products.id, lamp)))[0]!.v).toBe(4);
  });
});
