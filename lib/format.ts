const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** Pence → "£2.55". */
export function formatPrice(pence: number): string {
  return gbp.format(pence / 100);
}

/** 850 → "850 g", 2400 → "2.4 kg". */
export function formatCo2(grams: number): string {
  return grams >= 1000 ? `${(grams / 1000).toFixed(1)} kg` : `${Math.round(grams)} g`;
}

/** Pence → "2.55" (no symbol), for form fields and files that are read back as pounds; null → "". */
export function penceToPounds(pence: number | null): string {
  return pence == null ? "" : (pence / 100).toFixed(2);
}

// Made once per style: Intl formatters are costly to build, and lists format a date per row.
const DAY_STYLES = {
  short: { day: "numeric", month: "short" },
  medium: { day: "numeric", month: "short", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
  weekday: { weekday: "short", day: "numeric", month: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const dayFormats = Object.fromEntries(Object.entries(DAY_STYLES).map(([k, o]) => [k, new Intl.DateTimeFormat("en-GB", { ...o, timeZone: "Europe/London" })])) as Record<
  keyof typeof DAY_STYLES,
  Intl.DateTimeFormat
>;

/** A day in UK time: short "3 Dec", medium "3 Dec 2026", long "3 December 2026", weekday "Thu 3 Dec". */
export function formatDay(d: Date | string, style: keyof typeof DAY_STYLES = "medium"): string {
  return dayFormats[style].format(typeof d === "string" ? new Date(d) : d);
}

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** A time of day in UK time: "14:05". */
export function formatClock(d: Date | string): string {
  return clock.format(typeof d === "string" ? new Date(d) : d);
}

const dateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });

/** A moment as the shop's staff read it: "25 Nov 2026, 22:40", UK time. */
export function formatDateTime(d: Date): string {
  return dateTime.format(d);
}
