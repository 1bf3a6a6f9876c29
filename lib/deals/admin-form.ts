import { z } from "zod";
import { textInput } from "@/lib/input";
import { poundsInput } from "@/lib/pounds";

const optionalInt = (max: number, label: string) =>
  z
    .union([z.literal(""), z.coerce.number().int(`${label}: a whole number`).min(1, `${label}: at least 1`).max(max)])
    .default("")
    .transform((v) => (v === "" ? null : v));
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : [v].flat().filter(Boolean)));
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());
/** "2026-12-01T09:00" from a datetime-local input, read as UTC (the admin says so next to the field). */
const when = z
  .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, "Use the date picker")])
  .default("")
  .transform((v) => (v ? new Date(v.length === 10 ? `${v}T00:00Z` : `${v}Z`) : null));

export const DEAL_TYPES = {
  percent_off: "Percent off",
  amount_off: "Amount off (£)",
  free_eco_delivery: "Free eco delivery (bike/EV)",
  bundle_price: "Bundle price (N for £X)",
} as const;
/** The CDP's lifecycle stages (lib/cdp/audience/profiles.ts), with how merchandisers read them. */
export const LIFECYCLE_LABELS = {
  prospect: "Prospects (no order yet)",
  new: "New",
  champion: "Champions",
  active: "Active",
  at_risk: "At risk",
  lapsed: "Lapsed (win-back)",
} as const;
const LIFECYCLE = Object.keys(LIFECYCLE_LABELS) as [keyof typeof LIFECYCLE_LABELS, ...(keyof typeof LIFECYCLE_LABELS)[]];

/** The deal form (admin), validated again on the server; value is read by type. */
export const dealFormSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/, "Code: 3–30 letters, digits or dashes"),
    name: textInput({ max: 80 }).pipe(z.string().min(2, "Name: at least 2 characters")),
    description: textInput({ max: 300, multiline: true }).default(""),
    type: z.enum(Object.keys(DEAL_TYPES) as [keyof typeof DEAL_TYPES, ...(keyof typeof DEAL_TYPES)[]], { error: "Choose a type" }),
    value: textInput({ max: 20 }).default(""),
    bundleQuantity: optionalInt(99, "Bundle size"),
    scope: z.enum(["all", "categories", "products"]).default("all"),
    categoryIds: list.pipe(
      z.array(
        z
          .string()
          .regex(/^\d{1,9}$/, "Choose categories from the list")
          .transform(Number),
      ),
    ),
    productCodes: z
      .string()
      .trim()
      .max(2000)
      .default("")
      .transform((v) => [
        ...new Set(
          v
            .split(/[\s,]+/)
            .map((c) => c.toUpperCase())
            .filter(Boolean),
        ),
      ]),
    segments: list.pipe(z.array(z.string().regex(/^[a-z0-9-]{1,60}$/))),
    lifecycle: list.pipe(z.array(z.enum(LIFECYCLE))),
    customers: z
      .string()
      .trim()
      .max(2000)
      .default("")
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^\d{1,9}$/, "Customer numbers: digits separated by commas")
              .transform(Number),
          )
          .max(500),
      ),
    firstOrderOnly: checkbox.default(false),
    minSpend: z
      .union([z.literal(""), poundsInput("Minimum spend")])
      .default("")
      .transform((v) => (v === "" ? 0 : v)),
    startsAt: when,
    endsAt: when,
    usageLimit: optionalInt(10_000_000, "Usage limit"),
    perCustomerLimit: z.coerce.number().int().min(1, "Per customer: at least 1").max(1000).default(1),
    priority: z.coerce.number().int().min(-100).max(100).default(0),
    stackable: checkbox.default(false),
    requiresCode: checkbox.default(false),
    active: checkbox.default(false),
  })
  .transform((d, ctx) => {
    let value = 0;
    if (d.type === "percent_off") {
      value = Number(d.value);
      if (!/^\d{1,3}$/.test(d.value) || value < 1 || value > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "Percent off: a whole number from 1 to 100" });
    } else if (d.type === "amount_off" || d.type === "bundle_price") {
      const p = poundsInput("Amount").safeParse(d.value);
      if (!p.success || p.data <= 0) ctx.addIssue({ code: "custom", path: ["value"], message: "Enter an amount above zero, like 5.00" });
      else value = p.data;
      if (d.type === "bundle_price" && (!d.bundleQuantity || d.bundleQuantity < 2))
        ctx.addIssue({ code: "custom", path: ["bundleQuantity"], message: "A bundle is at least 2 items" });
    }
    if (d.scope === "categories" && !d.categoryIds.length) ctx.addIssue({ code: "custom", path: ["categoryIds"], message: "Choose at least one category" });
    if (d.scope === "products" && !d.productCodes.length) ctx.addIssue({ code: "custom", path: ["productCodes"], message: "List at least one product code" });
    if (d.startsAt && d.endsAt && d.endsAt <= d.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
    const targeting = { segments: d.segments, lifecycle: d.lifecycle, customers: d.customers, ...(d.firstOrderOnly ? { firstOrderOnly: true } : {}) };
    return { ...d, value, bundleQuantity: d.type === "bundle_price" ? d.bundleQuantity : null, targeting };
  });

export type DealForm = z.output<typeof dealFormSchema>;
