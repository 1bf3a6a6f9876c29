"use client";

import { useActionState, useState } from "react";
import { THUMB_WIDTHS } from "@/lib/catalog/image-urls";
import { deleteImageAction, imageAltAction, reorderImagesAction, uploadImagesAction } from "@/lib/catalog/image-actions";
import { FormAlert, SubmitButton } from "@/components/ui/form";
import { ProductImage } from "@/components/product/product-image";
import { MAX_IMAGE_BYTES, MAX_IMAGE_MB, MAX_UPLOAD_MB } from "@/lib/catalog/image-limits";

type Image = { id: number; alt: string; width: number; height: number };

function ImageRow({ sku, version, image, index, order, productId }: { sku: string; version: number; image: Image; index: number; order: number[]; productId: number }) {
  const [altState, saveAlt] = useActionState(imageAltAction, null);
  const [moveState, move] = useActionState(reorderImagesAction, null);
  const [delState, remove] = useActionState(deleteImageAction, null);
  const swap = (j: number) => order.map((id, k) => (k === index ? order[j]! : k === j ? order[index]! : id));
  const box = "tap rounded-md border border-line bg-surface px-2";
  return (
    <li className="flex flex-wrap items-start gap-3 border-t border-line py-3" data-testid="product-image">
      <div className="w-24 shrink-0">
        <ProductImage sku={sku} version={version} view={index} alt="" sizes="96px" widths={THUMB_WIDTHS} />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2 text-sm">
        <p className="text-muted">
          {index === 0 ? "Main picture · " : ""}
          {image.width}×{image.height}
        </p>
        <form action={saveAlt} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="imageId" value={image.id} />
          <label className="flex flex-col gap-1">
            <span className="font-medium">Alt text</span>
            <input name="alt" defaultValue={image.alt} maxLength={200} className={`${box} w-72`} placeholder="What the picture shows" />
          </label>
          <button type="submit" className="tap rounded-full border border-line px-3">
            Save
          </button>
        </form>
        <div className="flex flex-wrap gap-2">
          {[
            ["Move up", index - 1],
            ["Move down", index + 1],
          ].map(([label, j]) =>
            (j as number) >= 0 && (j as number) < order.length ? (
              <form key={label as string} action={move}>
                <input type="hidden" name="productId" value={productId} />
                {swap(j as number).map((id) => (
                  <input key={id} type="hidden" name="order[]" value={id} />
                ))}
                <button type="submit" className="tap px-2 underline">
                  {label}
                </button>
              </form>
            ) : null,
          )}
          <form action={remove}>
            <input type="hidden" name="imageId" value={image.id} />
            <button type="submit" className="tap px-2 text-danger underline">
              Remove
            </button>
          </form>
        </div>
        <FormAlert state={altState} />
        <FormAlert state={moveState} />
        <FormAlert state={delState} />
      </div>
    </li>
  );
}

/** Upload (checked and resized on the server), order, alt texts and removal of a product's pictures. */
export function ProductImages({ productId, sku, version, images }: { productId: number; sku: string; version: number; images: Image[] }) {
  const [state, upload] = useActionState(uploadImagesAction, null);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const order = images.map((i) => i.id);
  // Said before sending (the server checks again): a request over the body limit would only fail.
  const check = (files: FileList | null) => {
    const list = [...(files ?? [])];
    const big = list.find((f) => f.size > MAX_IMAGE_BYTES);
    const total = list.reduce((n, f) => n + f.size, 0);
    setTooBig(
      big
        ? `“${big.name}” is over ${MAX_IMAGE_MB} MB.`
        : total > MAX_UPLOAD_MB * 1024 * 1024
          ? `Together these are over ${MAX_UPLOAD_MB} MB: upload them in smaller groups.`
          : null,
    );
  };
  return (
    <div>
      {images.length ? (
        <ul>
          {images.map((img, i) => (
            <ImageRow key={img.id} sku={sku} version={version} image={img} index={i} order={order} productId={productId} />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No pictures uploaded: the shop shows generated art.</p>
      )}
      <form action={upload} className="mt-4 flex max-w-md flex-col gap-3" data-testid="image-upload">
        <FormAlert state={state} />
        <input type="hidden" name="productId" value={productId} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Add pictures</span>
          <input
            type="file"
            name="files"
            multiple
            accept="image/jpeg,image/png,image/webp,image/avif,image/gif,image/tiff"
            className="text-sm"
            onChange={(e) => check(e.currentTarget.files)}
          />
        </label>
        {tooBig ? (
          <p role="alert" className="text-sm text-danger">
            {tooBig}
          </p>
        ) : null}
        <span className="text-xs text-muted">JPEG, PNG, WebP, AVIF, GIF or TIFF, up to {MAX_IMAGE_MB} MB each; location and camera data are removed.</span>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">Alt text for these pictures</span>
          <input name="alt" maxLength={200} className="tap rounded-md border border-line bg-surface px-2" placeholder="What the picture shows" />
        </label>
        {tooBig ? null : (
          <div className="max-w-xs">
            <SubmitButton pendingText="Uploading…">Upload</SubmitButton>
          </div>
        )}
      </form>
    </div>
  );
}
