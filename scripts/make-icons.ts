/** Renders the app icons in public/icons from one SVG (run once; the PNGs are committed). */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const mark = (pad: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${pad ? 0 : 96}" fill="#9f4421"/>
  <g transform="translate(${pad} ${pad}) scale(${(512 - 2 * pad) / 512})">
    <path d="M96 250 256 118l160 132v160H96Z" fill="#faf6f0"/>
    <path d="M256 388c-40 0-66-26-66-58 0-40 40-52 40-92 26 14 40 34 40 52 14-14 20-26 20-40 26 20 32 46 32 72 0 40-26 66-66 66Z" fill="#f2a93b"/>
  </g>
</svg>`;

const out = path.join(process.cwd(), "public", "icons");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "icon.svg"), mark(0));
await sharp(Buffer.from(mark(0)))
  .resize(192)
  .png()
  .toFile(path.join(out, "icon-192.png"));
await sharp(Buffer.from(mark(0)))
  .resize(512)
  .png()
  .toFile(path.join(out, "icon-512.png"));
await sharp(Buffer.from(mark(64)))
  .resize(512)
  .png()
  .toFile(path.join(out, "icon-maskable-512.png"));
await sharp(Buffer.from(mark(0)))
  .resize(180)
  .png()
  .toFile(path.join(out, "apple-touch-icon.png"));
console.log("icons written to public/icons");
