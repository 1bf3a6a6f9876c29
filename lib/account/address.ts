import { z } from "zod";
import { textInput } from "@/lib/input";

export const COUNTRIES = { GB: "United Kingdom", IE: "Ireland", FR: "France", DE: "Germany", NL: "Netherlands", BE: "Belgium", ES: "Spain" } as const;
const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

const text = (label: string, max: number) => textInput({ max, required: `Enter ${label}` });

/** A delivery address; UK postcodes are checked and normalised ("sw1a1aa" → "SW1A 1AA"). */
export const addressSchema = z
  .object({
    name: text("the recipient's name", 100),
    line1: text("the first line of the address", 120),
    line2: textInput({ max: 120 }).default(""),
    city: text("the town or city", 80),
    postcode: z.string().trim().toUpperCase().min(2, "Enter the postcode").max(12, "That postcode is too long"),
    country: z.enum(Object.keys(COUNTRIES) as [keyof typeof COUNTRIES, ...(keyof typeof COUNTRIES)[]], { error: "Choose a country we deliver to" }),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[+\d][\d\s()-]{6,}$|^$/, "Enter a phone number, or leave it empty")
      .default(""),
  })
  .transform((a, ctx) => {
    if (a.country === "GB") {
      const m = UK_POSTCODE.exec(a.postcode.replace(/\s+/g, ""));
      if (!m) {
        ctx.addIssue({ code: "custom", path: ["postcode"], message: "Enter a valid UK postcode, like SW1A 1AA" });
        return z.NEVER;
      }
      return { ...a, postcode: `${m[1]} ${m[2]}` };
    }
    return a;
  });

export type AddressInput = z.input<typeof addressSchema>;
export type Address = z.output<typeof addressSchema>;
