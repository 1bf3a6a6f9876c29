import { z } from "zod";
import { textInput } from "@/lib/input";
import { poundsInput } from "@/lib/pounds";

/** "a, b ,c" → ["a", "b", "c"] (lower-case words, no duplicates). */
const wordList = (max: number) =>
  z
    .string()
    .trim()
    .max(500)
    .default("")
    .transform((v) => [
      ...new Set(
        v
          .split(",")
          .map((x) => x.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(
          z
            .string()
            .max(30, "Each entry: at most 30 characters")
            .pipe(textInput({ max: 30 })),
        )
        .max(max, `At most ${max} entries`),
    );

export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;

/** The product form, shared by the admin form, its server actions and the CSV import. */
export const productSchema = z
  .object({
    title: z
      .string()
      .max(800, "Title: at most 200 characters")
      .pipe(textInput({ max: 200 }))
      .pipe(z.string().min(2, "Title: at least 2 characters").max(200, "Title: at most 200 characters")),
    slug: z
      .union([
        z.literal(""),
        z
          .string()
          .trim()
          .toLowerCase()
          .max(100)
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slug: lower-case letters, digits and single dashes"),
      ])
      .default(""),
    sku: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, "Code: 2–20 letters, digits or dashes"),
    description: textInput({ max: 5000, multiline: true }).pipe(z.string().max(5000, "Description: at most 5,000 characters")).default(""),
    price: poundsInput("Price"),
    compareAt: z.union([z.literal(""), poundsInput("Compare-at price")]).default(""),
    categoryId: z.coerce.number({ error: "Choose a category" }).int().positive("Choose a category"),
    tags: wordList(20),
    colors: wordList(8),
    materials: wordList(8),
    status: z.enum(PRODUCT_STATUSES, { error: "Choose a status" }),
    lowStockThreshold: z.coerce.number().int("Low-stock threshold: a whole number").min(0).max(100_000).default(5),
  })
  .transform((p) => ({ ...p, compareAt: p.compareAt === "" ? null : p.compareAt }))
  .refine((p) => p.price > 0 || p.status !== "active", { path: ["price"], message: "An active product needs a price above zero" })
  .refine((p) => p.compareAt === null || p.compareAt > p.price, { path: ["compareAt"], message: "Compare-at price must be higher than the price" });

export type ProductInput = z.output<typeof productSchema>;

/** For a new product, the opening stock is part of the form; later changes go through inventory. */
export const newProductSchema = z.intersection(
  productSchema,
  z.object({ stock: z.coerce.number().int("Stock: a whole number").min(0, "Stock cannot be negative").max(1_000_000).default(0) }),
);
