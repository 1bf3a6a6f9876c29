import { env } from "@/lib/env";

/** The shop's own time zone: source data and reporting periods use its wall-clock time. */
export const SHOP_TIME_ZONE = env().SHOP_TIME_ZONE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const converted = new Map<string, Date>();

function offsetMs(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - instant;
}

/**
 * "2011-03-27T01:30" read as wall time in `timeZone` → the UTC instant. DST-aware; a wall time
 * that does not exist (spring-forward gap) resolves forward, as clocks do.
 */
export function localToUtc(local: string, timeZone: string = SHOP_TIME_ZONE): Date {
  const key = `${timeZone}|${local}`;
  const hit = converted.get(key);
  if (hit) return new Date(hit);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  let utc = wall - offsetMs(wall, timeZone);
  utc = wall - offsetMs(utc, timeZone);
  const d = new Date(utc);
  if (converted.size > 100_000) converted.clear();
  converted.set(key, d);
  return new Date(d);
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: SHOP_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The shop-local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(d: Date): string {
  return dayFormat.format(d);
}
