import { z } from "zod";
import { localToUtc, SHOP_TIME_ZONE } from "@/lib/time";

/**
 * What a KPI view is about: a range of shop-local days (inclusive) and optional filters. The same
 * object drives the dashboard, its CSV export and `npm run kpi`, so all three show one number.
 */
export const DEVICES = ["mobile", "tablet", "desktop"] as const;

const realDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2011-06-30.")
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || realDay(s), "Not a real date.");
// Range checks only once both ends are real dates (one message per mistake).
const notBothReal = (f: { from: string; to: string }) => !realDay(f.from) || !realDay(f.to);

export const kpiFiltersSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    /** A segment's slug: only its current members' orders and events count. */
    segment: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z0-9-]*$/, "Unknown segment.")
      .optional()
      .transform((s) => s || undefined),
    device: z
      .enum(DEVICES)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    country: z
      .string()
      .trim()
      .max(60)
      .optional()
      .transform((s) => s || undefined),
  })
  .refine((f) => notBothReal(f) || f.from <= f.to, { message: "The start must not be after the end.", path: ["to"] })
  .refine((f) => notBothReal(f) || daysBetween(f.from, f.to) <= 3660, { message: "Choose at most ten years.", path: ["from"] });

export type Device = (typeof DEVICES)[number];
export type KpiFilters = { from: string; to: string; segment?: string; device?: Device; country?: string };

/** A range resolved to instants: [start, end) in UTC, from shop-local midnights. */
export type KpiRange = KpiFilters & { start: Date; end: Date; days: number; timeZone: string };

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function resolveRange(f: KpiFilters, timeZone = SHOP_TIME_ZONE): KpiRange {
  return {
    ...f,
    start: localToUtc(`${f.from}T00:00`, timeZone),
    end: localToUtc(`${addDays(f.to, 1)}T00:00`, timeZone),
    days: daysBetween(f.from, f.to),
    timeZone,
  };
}

/** The same number of days immediately before, with the same filters. */
export function previousPeriod(f: KpiFilters): KpiFilters {
  if (isWholeMonths(f)) {
    const n = monthIndex(f.to) - monthIndex(f.from) + 1;
    return { ...f, from: shiftMonth(f.from, -n), to: addDays(f.from, -1) };
  }
  const days = daysBetween(f.from, f.to);
  return { ...f, from: addDays(f.from, -days), to: addDays(f.from, -1) };
}

/** From the first of a month to the last day of a month. */
export function isWholeMonths(f: { from: string; to: string }): boolean {
  return f.from.endsWith("-01") && addDays(f.to, 1).endsWith("-01");
}

/** Months since year 0 (2011-01-xx → 24132): the per-customer activity arrays use these. */
export function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

export function shiftMonth(monthStart: string, n: number): string {
  const d = new Date(`${monthStart.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** Charts bucket by day up to three months, by month beyond. */
export function grainOf(f: KpiFilters): "day" | "month" {
  return daysBetween(f.from, f.to) <= 92 ? "day" : "month";
}

/** The shop-local calendar day or month an instant falls in (what SQL's `at time zone` gives). */
export function localBucket(at: Date, grain: "day" | "month", timeZone = SHOP_TIME_ZONE): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at).map((x) => [x.type, x.value]));
  return grain === "day" ? `${p.year}-${p.month}-${p.day}` : `${p.year}-${p.month}-01`;
}
