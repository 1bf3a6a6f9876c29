import { z } from "zod";
import { localToUtc, SHOP_TIME_ZONE } from "@/lib/time";

/** The columns of the Online Retail order-line format (see shared/data/README.md). */
export const REQUIRED_COLUMNS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"] as const;

export type RawRow = Record<(typeof REQUIRED_COLUMNS)[number], string>;

/** One order line after validation; money in pence. */
export type SourceLine = {
  invoice: string;
  kind: "sale" | "refund" | "adjustment";
  code: string;
  sku: string;
  description: string;
  quantity: number;
  unitPricePence: number;
  /** The source price had a fraction of a penny (e.g. 0.001), lost by rounding. */
  subPenny: boolean;
  placedAt: Date;
  customerId: string | null;
  country: string;
};

const decimal = /^-?\d+(\.\d+)?$/;

export const sourceLineSchema = z
  .object({
    InvoiceNo: z
      .string()
      .trim()
      .regex(/^[CA]?\d{5,7}$/i, "invoice number is not 6 digits with an optional C/A prefix"),
    StockCode: z.string().trim().min(1, "stock code is blank"),
    Description: z.string(),
    Quantity: z
      .string()
      .trim()
      .regex(/^-?\d+$/, "quantity is not a whole number"),
    InvoiceDate: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/, "date is not ISO 8601 (YYYY-MM-DDTHH:MM)"),
    UnitPrice: z.string().trim().regex(decimal, "unit price is not a number"),
    CustomerID: z
      .string()
      .trim()
      .regex(/^(\d+(\.0+)?)?$/, "customer id is not a number"),
    Country: z.string(),
  })
  .transform((r): SourceLine => {
    const invoice = r.InvoiceNo.toUpperCase();
    const prefix = invoice[0];
    const code = r.StockCode.trim();
    return {
      invoice,
      kind: prefix === "C" ? "refund" : prefix === "A" ? "adjustment" : "sale",
      code,
      sku: code.toUpperCase(),
      description: r.Description.replace(/\s+/g, " ").trim(),
      quantity: Number(r.Quantity),
      // Round half away from zero to whole pence; sub-penny prices are reported separately.
      unitPricePence: Math.round(Number(r.UnitPrice) * 100),
      subPenny: !Number.isInteger(Math.round(Number(r.UnitPrice) * 1e6) / 1e4),
      placedAt: localToUtc(r.InvoiceDate, SHOP_TIME_ZONE),
      customerId: r.CustomerID ? String(Math.trunc(Number(r.CustomerID))) : null,
      country: r.Country.trim() || "Unknown",
    };
  });
