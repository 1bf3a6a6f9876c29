import { hash32 } from "./text";

/**
 * Deterministic product art: an SVG still life drawn from the product's category, colour and code.
 * The shop has no photos, so every product gets a recognisable, distinct picture made locally.
 * Pure: the image route renders it to WebP/PNG with sharp.
 */

const SWATCH: Record<string, string> = {
  red: "#c0392b",
  pink: "#e58fa6",
  blue: "#3f6fa8",
  green: "#5f8a5a",
  white: "#f4f1ea",
  cream: "#efe2c4",
  black: "#2d2a28",
  grey: "#8c8a86",
  silver: "#b8bcc2",
  gold: "#c9a23a",
  yellow: "#e8c547",
  orange: "#e07b39",
  purple: "#8a6bb0",
  brown: "#8b5e3c",
  natural: "#c8a97e",
  pastel: "#a9d3c9",
};
const WARM = ["#b4532a", "#d08c60", "#6f8f72", "#c9a23a", "#8b5e3c", "#a95c68", "#4f7c8a", "#c06c4a"];
const BACKDROPS = ["#f6efe4", "#efe6da", "#eae3d6", "#f3e9e2", "#e6ece4", "#ece7f0", "#f4ecd8", "#e8eef2"];

export type ArtSubject = { sku: string; categorySlug: string; colors: string[]; materials?: string[] };

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (s: number) => Math.max(0, Math.min(255, Math.round(((n >> s) & 255) * (1 + amount))));
  return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, "0")).join("")}`;
}

function pattern(id: string, kind: number, ink: string): string {
  switch (kind) {
    case 0: // dots ("retrospot")
      return `<pattern id="${id}" width="26" height="26" patternUnits="userSpaceOnUse"><circle cx="7" cy="7" r="4" fill="${ink}"/><circle cx="20" cy="20" r="4" fill="${ink}"/></pattern>`;
    case 1: // stripes
      return `<pattern id="${id}" width="24" height="24" patternUnits="userSpaceOnUse"><rect width="12" height="24" fill="${ink}"/></pattern>`;
    case 2: // hearts
      return `<pattern id="${id}" width="34" height="34" patternUnits="userSpaceOnUse"><path d="M17 26 L8 17 A5 5 0 0 1 17 10 A5 5 0 0 1 26 17 Z" fill="${ink}"/></pattern>`;
    default: // checks
      return `<pattern id="${id}" width="28" height="28" patternUnits="userSpaceOnUse"><rect width="14" height="14" fill="${ink}"/><rect x="14" y="14" width="14" height="14" fill="${ink}"/></pattern>`;
  }
}

/** The object for each category, drawn in a 400×400 box centred on (200, 210). */
function glyph(category: string, fill: string, deco: string, h: number): string {
  const dark = shade(fill, -0.25);
  const light = shade(fill, 0.25);
  const v = (h >>> 8) % 3; // small variations of each object
  switch (category) {
    case "lighting":
      return `<rect x="150" y="120" width="100" height="170" rx="14" fill="${dark}"/>
        <rect x="165" y="140" width="70" height="130" rx="8" fill="#fff4c9" opacity="0.9"/>
        <circle cx="200" cy="205" r="${26 + v * 6}" fill="#ffd66b" opacity="0.85"/>
        <path d="M140 120 L200 75 L260 120 Z" fill="${fill}"/><circle cx="200" cy="68" r="12" fill="none" stroke="${dark}" stroke-width="6"/>
        <rect x="140" y="288" width="120" height="14" rx="4" fill="${fill}"/>`;
    case "candles-fragrance":
      return `<rect x="${160 - v * 10}" y="${150 + v * 10}" width="${80 + v * 20}" height="${150 - v * 10}" rx="10" fill="url(#deco)" stroke="${dark}" stroke-width="4"/>
        <rect x="${160 - v * 10}" y="${150 + v * 10}" width="${80 + v * 20}" height="${150 - v * 10}" rx="10" fill="${fill}" opacity="0.55"/>
        <line x1="200" y1="${150 + v * 10}" x2="200" y2="${130 + v * 10}" stroke="#3a2f28" stroke-width="4"/>
        <path d="M200 ${80 + v * 10} C 215 ${105 + v * 10} 215 ${125 + v * 10} 200 ${130 + v * 10} C 185 ${125 + v * 10} 185 ${105 + v * 10} 200 ${80 + v * 10} Z" fill="#f2a93b"/>`;
    case "kitchen-dining":
      return v === 2
        ? `<ellipse cx="200" cy="230" rx="140" ry="50" fill="${dark}"/><ellipse cx="200" cy="220" rx="140" ry="50" fill="url(#deco)"/><ellipse cx="200" cy="220" rx="140" ry="50" fill="${fill}" opacity="0.5"/><ellipse cx="200" cy="220" rx="80" ry="28" fill="${light}"/>`
        : `<path d="M250 170 a40 40 0 0 1 0 80" fill="none" stroke="${dark}" stroke-width="16"/>
        <rect x="130" y="140" width="130" height="150" rx="16" fill="url(#deco)"/>
        <rect x="130" y="140" width="130" height="150" rx="16" fill="${fill}" opacity="0.55"/>
        <ellipse cx="195" cy="142" rx="65" ry="12" fill="${dark}"/>`;
    case "storage":
      return `<rect x="115" y="170" width="170" height="130" rx="10" fill="url(#deco)"/>
        <rect x="115" y="170" width="170" height="130" rx="10" fill="${fill}" opacity="0.6"/>
        <rect x="105" y="140" width="190" height="40" rx="8" fill="${dark}"/>
        <rect x="180" y="150" width="40" height="10" rx="5" fill="${light}"/>`;
    case "wall-decor-signs":
      return `<rect x="110" y="100" width="180" height="${200 - v * 30}" rx="6" fill="${dark}"/>
        <rect x="126" y="116" width="148" height="${168 - v * 30}" fill="${light}"/>
        <path d="M126 ${284 - v * 30} L180 ${200 - v * 20} L215 ${240 - v * 25} L240 ${215 - v * 20} L274 ${284 - v * 30} Z" fill="${fill}"/>
        <circle cx="240" cy="150" r="14" fill="#f2c14e"/>
        <line x1="200" y1="70" x2="150" y2="100" stroke="#6b5a4c" stroke-width="3"/><line x1="200" y1="70" x2="250" y2="100" stroke="#6b5a4c" stroke-width="3"/>`;
    case "textiles":
      return `<path d="M110 140 Q200 110 290 140 Q320 210 290 290 Q200 320 110 290 Q80 210 110 140 Z" fill="url(#deco)"/>
        <path d="M110 140 Q200 110 290 140 Q320 210 290 290 Q200 320 110 290 Q80 210 110 140 Z" fill="${fill}" opacity="0.6" stroke="${dark}" stroke-width="4"/>
        <circle cx="200" cy="215" r="9" fill="${dark}"/>`;
    case "garden":
      return `<path d="M200 180 C 150 150 140 100 170 80 C 190 110 200 140 200 180 Z" fill="#5f8a5a"/>
        <path d="M200 180 C 250 150 265 105 235 85 C 215 115 205 140 200 180 Z" fill="#76a36e"/>
        <path d="M200 180 C 200 140 195 110 200 70" stroke="#4e7249" stroke-width="6" fill="none"/>
        <path d="M135 180 L265 180 L245 300 L155 300 Z" fill="url(#deco)"/>
        <path d="M135 180 L265 180 L245 300 L155 300 Z" fill="${fill}" opacity="0.65"/>
        <rect x="125" y="172" width="150" height="22" rx="4" fill="${dark}"/>`;
    case "seasonal":
      return `<path d="M200 70 L290 280 L110 280 Z" fill="#4f7a55"/>
        <path d="M200 70 L260 210 L140 210 Z" fill="#5f8a5a"/>
        <rect x="185" y="280" width="30" height="30" fill="#8b5e3c"/>
        <circle cx="170" cy="230" r="11" fill="${fill}"/><circle cx="235" cy="250" r="11" fill="${fill}"/><circle cx="205" cy="170" r="10" fill="${light}"/>
        <path d="M200 52 l7 15 16 2 -12 11 3 16 -14 -8 -14 8 3 -16 -12 -11 16 -2 Z" fill="#e8c547"/>`;
    case "gifts-wrap":
      return `<rect x="120" y="160" width="160" height="140" rx="6" fill="url(#deco)"/>
        <rect x="120" y="160" width="160" height="140" rx="6" fill="${fill}" opacity="0.6"/>
        <rect x="110" y="135" width="180" height="35" rx="5" fill="${dark}"/>
        <rect x="188" y="135" width="24" height="165" fill="${deco}"/>
        <path d="M200 135 C 160 90 140 120 200 135 C 260 120 240 90 200 135 Z" fill="${deco}"/>`;
    case "bags":
      return `<path d="M160 160 C 160 100 240 100 240 160" fill="none" stroke="${dark}" stroke-width="12"/>
        <path d="M115 160 L285 160 L270 305 L130 305 Z" fill="url(#deco)"/>
        <path d="M115 160 L285 160 L270 305 L130 305 Z" fill="${fill}" opacity="0.6"/>`;
    default:
      return `<path d="M200 90 C 170 90 175 120 170 140 C 120 170 120 280 160 305 L240 305 C 280 280 280 170 230 140 C 225 120 230 90 200 90 Z" fill="url(#deco)"/>
        <path d="M200 90 C 170 90 175 120 170 140 C 120 170 120 280 160 305 L240 305 C 280 280 280 170 230 140 C 225 120 230 90 200 90 Z" fill="${fill}" opacity="0.6" stroke="${dark}" stroke-width="4"/>`;
  }
}

/** A square SVG for the product; `view` 0..2 gives the gallery's alternative angles. */
export function productArtSvg(s: ArtSubject, view = 0): string {
  const h = hash32(s.sku);
  const colour = s.colors.find((c) => SWATCH[c]);
  const fill = colour ? SWATCH[colour]! : WARM[h % WARM.length]!;
  const deco = shade(fill, fill === SWATCH.white || fill === SWATCH.cream ? -0.35 : 0.45);
  const backdrop = BACKDROPS[(h >>> 4) % BACKDROPS.length]!;
  const scale = view === 1 ? 1.35 : 1;
  const tilt = view === 2 ? -8 : ((h >>> 12) % 7) - 3;
  const dx = view === 1 ? -70 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">
  <defs>${pattern("deco", (h >>> 16) % 4, deco)}
    <radialGradient id="light" cx="0.3" cy="0.2" r="0.9"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
  </defs>
  <rect width="400" height="400" fill="${backdrop}"/>
  <rect y="300" width="400" height="100" fill="${shade(backdrop, -0.06)}"/>
  <rect width="400" height="400" fill="url(#light)"/>
  <ellipse cx="200" cy="312" rx="${120 * scale}" ry="14" fill="#000" opacity="0.10"/>
  <g transform="translate(${dx} ${view === 1 ? -70 : 0}) rotate(${tilt} 200 210) translate(200 210) scale(${scale}) translate(-200 -210)">${glyph(s.categorySlug, fill, deco, h)}</g>
</svg>`;
}
