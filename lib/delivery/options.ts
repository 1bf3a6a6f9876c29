import { hash32 } from "@/lib/catalog/text";

/**
 * Delivery options, prices, promised windows and CO2 estimates. Pure: the checkout page shows
 * these and the server recomputes them when the order is placed (nothing here is trusted from
 * the client).
 *
 * CO2 = distance (km, depot → door) × a per-km factor (kg CO2e/km):
 *   diesel van 0.25 and express van 0.33 (less consolidated) — UK government conversion factors
 *   for average vans (DESNZ 2024, rounded); electric van 0.06 (same source, UK grid mix);
 *   e-cargo bike 0.005 (battery charging only).
 */
export type Method = "standard" | "express" | "bike" | "ev";

export const CO2_KG_PER_KM: Record<Method, number> = { standard: 0.25, express: 0.33, bike: 0.005, ev: 0.06 };
export const FREE_DELIVERY_FROM_PENCE = 4000;

const DEF: Record<Method, { label: string; pricePence: number; days: [number, number]; eco: boolean; blurb: string }> = {
  standard: { label: "Standard van", pricePence: 395, days: [2, 4], eco: false, blurb: "Diesel van, shared route" },
  express: { label: "Express", pricePence: 795, days: [1, 1], eco: false, blurb: "Next day, dedicated van" },
  bike: { label: "Cargo bike", pricePence: 295, days: [1, 2], eco: true, blurb: "Electric cargo bike inside the city zone" },
  ev: { label: "Electric van", pricePence: 395, days: [2, 4], eco: true, blurb: "Zero-tailpipe van outside the city zone" },
};

/** Postcode areas of the city zone around the depot (London), where cargo bikes ride. */
const CITY_ZONE = /^(E|EC|N|NW|SE|SW|W|WC)\d/;

export type Destination = { postcode: string; country: string };

export function inCityZone(d: Destination): boolean {
  return d.country === "GB" && CITY_ZONE.test(d.postcode.toUpperCase().replace(/\s+/g, ""));
}

/** Road distance estimate from the depot; deterministic per postcode (no geocoding service). */
export function distanceKm(d: Destination): number {
  const h = hash32(d.postcode.toUpperCase().replace(/\s+/g, ""));
  if (inCityZone(d)) return 2 + (h % 110) / 10; // 2–13 km
  if (d.country === "GB") return 25 + (h % 380); // 25–405 km
  return 400 + (h % 1400);
}

export type DeliveryOption = {
  method: Method;
  label: string;
  blurb: string;
  eco: boolean;
  pricePence: number;
  co2Grams: number;
  distanceKm: number;
  promisedFrom: Date;
  promisedTo: Date;
};

function addDays(from: Date, days: number, endOfDay: boolean): Date {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(endOfDay ? 20 : 8, 0, 0, 0);
  return d;
}

/** The options for a destination and basket, eco first: bike in the city zone, EV elsewhere in GB. */
export function deliveryOptions(d: Destination, subtotalPence: number, now = new Date()): DeliveryOption[] {
  const km = Math.round(distanceKm(d) * 10) / 10;
  const methods: Method[] = d.country !== "GB" ? ["standard", "express"] : inCityZone(d) ? ["bike", "standard", "express"] : ["ev", "standard", "express"];
  return methods.map((m) => {
    const def = DEF[m];
    const free = (m === "standard" || m === "ev") && subtotalPence >= FREE_DELIVERY_FROM_PENCE;
    const international = d.country !== "GB" ? 1000 : 0;
    return {
      method: m,
      label: def.label,
      blurb: def.blurb,
      eco: def.eco,
      pricePence: free ? 0 : def.pricePence + international,
      co2Grams: Math.round(km * CO2_KG_PER_KM[m] * 1000),
      distanceKm: km,
      promisedFrom: addDays(now, def.days[0] + (international ? 2 : 0), false),
      promisedTo: addDays(now, def.days[1] + (international ? 4 : 0), true),
    };
  });
}

export function defaultOption(options: DeliveryOption[], prefersEco: boolean): DeliveryOption {
  return (prefersEco ? options.find((o) => o.eco) : options.find((o) => o.method === "standard")) ?? options[0]!;
}

/** A simple route on the local 100×100 map from the depot (centre) to the door. */
export function routeFor(d: Destination): [number, number][] {
  const h = hash32(`route:${d.postcode.toUpperCase()}`);
  const reach = inCityZone(d) ? 28 : 44;
  const angle = ((h % 360) * Math.PI) / 180;
  const end: [number, number] = [50 + Math.cos(angle) * reach, 50 + Math.sin(angle) * reach];
  const points: [number, number][] = [[50, 50]];
  const legs = 4 + (h % 3);
  for (let i = 1; i < legs; i++) {
    const t = i / legs;
    const jitter = (((h >>> (i * 3)) % 11) - 5) * 1.2;
    points.push([50 + (end[0] - 50) * t + jitter, 50 + (end[1] - 50) * t - jitter]);
  }
  points.push(end);
  return points.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
}

/** The point `progress` (0–1) of the way along a route. */
export function pointAlong(route: [number, number][], progress: number): [number, number] {
  const p = Math.min(1, Math.max(0, progress));
  const lens = route.slice(1).map((pt, i) => Math.hypot(pt[0] - route[i]![0], pt[1] - route[i]![1]));
  let remaining = p * lens.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lens.length; i++) {
    if (remaining <= lens[i]! || i === lens.length - 1) {
      const t = lens[i] ? Math.min(1, remaining / lens[i]!) : 0;
      const [a, b] = [route[i]!, route[i + 1]!];
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    remaining -= lens[i]!;
  }
  return route[route.length - 1]!;
}
