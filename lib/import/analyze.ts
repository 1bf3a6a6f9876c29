import { categorize, colorsOf, materialsOf, CATEGORIES } from "@/lib/catalog/categories";
import { cleanTitle } from "@/lib/catalog/text";
import type { SourceLine } from "./rows";

/**
 * Turns validated order lines into products, customers and orders, counting every dirty row by
 * reason. Pure and in memory: the train file (320k lines) needs ~100 MB at most.
 */

export type LineKind = "product" | "shipping" | "discount" | "fee" | "other";

const SHIPPING_CODES = new Set(["POST", "DOT", "C2"]);
const DISCOUNT_CODES = new Set(["D"]);
const FEE_CODES = new Set(["BANK CHARGES", "AMAZONFEE", "CRUK"]);
const OTHER_CODES = new Set(["M", "S", "B", "PADS", "DCGSSBOY", "DCGSSGIRL"]);

/** What a stock code stands for: a product, or postage, discount, fee and other non-product lines. */
export function lineKindOf(sku: string): LineKind {
  const code = sku.toUpperCase();
  if (SHIPPING_CODES.has(code)) return "shipping";
  if (DISCOUNT_CODES.has(code)) return "discount";
  if (FEE_CODES.has(code)) return "fee";
  if (OTHER_CODES.has(code) || code.startsWith("GIFT_") || !/\d/.test(code)) return "other";
  return "product";
}

export type DirtyReason =
  | "malformed_row"
  | "duplicate_line"
  | "stock_adjustment"
  | "bad_debt_adjustment"
  | "blank_customer"
  | "zero_price"
  | "sub_penny_price"
  | "blank_description"
  | "lower_case_code"
  | "non_product_code"
  | "cancellation_line"
  | "inconsistent_invoice_header";

export type ProductDraft = {
  sku: string;
  title: string;
  categorySlug: string;
  colors: string[];
  materials: string[];
  pricePence: number;
  firstSoldAt: Date;
  unitsSold: number;
};

export type OrderDraft = {
  number: string;
  kind: "sale" | "refund";
  customerId: string | null;
  country: string;
  placedAt: Date;
  lines: { kind: LineKind; sku: string; title: string; quantity: number; unitPricePence: number }[];
};

export type CustomerDraft = { externalId: string; country: string; firstOrderAt: Date };

export type Analysis = {
  products: ProductDraft[];
  customers: CustomerDraft[];
  orders: OrderDraft[];
  rowsRead: number;
  dirty: Partial<Record<DirtyReason, number>>;
  /** The first few rejected rows with their reasons, for the report. */
  rejected: { row: number; reason: string }[];
};

type ProductAcc = {
  sku: string;
  descriptions: Map<string, number>;
  prices: Map<number, number>;
  /** Prices seen on cancellation lines: used only when the product was never sold in the file. */
  refundPrices: Map<number, number>;
  firstSoldAt: Date;
  unitsSold: number;
};

export class OrderHistoryAnalyzer {
  private rowsRead = 0;
  private dirty: Analysis["dirty"] = {};
  private rejected: Analysis["rejected"] = [];
  private seenLines = new Set<string>();
  private products = new Map<string, ProductAcc>();
  private customers = new Map<string, CustomerDraft>();
  private orders = new Map<string, OrderDraft>();

  private count(reason: DirtyReason) {
    this.dirty[reason] = (this.dirty[reason] ?? 0) + 1;
  }

  reject(row: number, reason: string) {
    this.rowsRead++;
    this.count("malformed_row");
    if (this.rejected.length < 50) this.rejected.push({ row, reason });
  }

  add(line: SourceLine, rawKey: string) {
    this.rowsRead++;
    if (this.seenLines.has(rawKey)) return this.count("duplicate_line");
    this.seenLines.add(rawKey);

    if (line.kind === "adjustment") return this.count("bad_debt_adjustment");
    const kind = lineKindOf(line.sku);
    // Negative stock movements outside a cancellation: write-offs, notes like "damaged".
    if (line.kind === "sale" && line.quantity <= 0) return this.count("stock_adjustment");
    if (line.kind === "sale" && kind === "product" && line.unitPricePence === 0 && !line.customerId && !line.description) {
      return this.count("stock_adjustment");
    }
    if (line.kind === "refund") this.count("cancellation_line");
    if (!line.customerId) this.count("blank_customer");
    if (kind !== "product") this.count("non_product_code");
    if (kind === "product" && line.code !== line.sku) this.count("lower_case_code");
    if (!line.description) this.count("blank_description");
    if (line.subPenny) this.count("sub_penny_price");

    if (kind === "product") this.addProduct(line);
    if (line.customerId) this.addCustomer(line);
    this.addOrderLine(line, kind);
  }

  private addProduct(line: SourceLine) {
    let p = this.products.get(line.sku);
    if (!p) {
      p = { sku: line.sku, descriptions: new Map(), prices: new Map(), refundPrices: new Map(), firstSoldAt: line.placedAt, unitsSold: 0 };
      this.products.set(line.sku, p);
    }
    // Lower-case descriptions are internal notes ("damaged", "found"), not product names.
    if (line.description && line.description !== line.description.toLowerCase()) {
      p.descriptions.set(line.description, (p.descriptions.get(line.description) ?? 0) + 1);
    }
    if (line.kind !== "sale") {
      if (line.unitPricePence > 0) p.refundPrices.set(line.unitPricePence, (p.refundPrices.get(line.unitPricePence) ?? 0) + 1);
      return;
    }
    if (line.unitPricePence === 0) this.count("zero_price");
    else p.prices.set(line.unitPricePence, (p.prices.get(line.unitPricePence) ?? 0) + 1);
    if (line.placedAt < p.firstSoldAt) p.firstSoldAt = line.placedAt;
    p.unitsSold += line.quantity;
  }

  private addCustomer(line: SourceLine) {
    const id = line.customerId!;
    const c = this.customers.get(id);
    if (!c) this.customers.set(id, { externalId: id, country: line.country, firstOrderAt: line.placedAt });
    else if (line.placedAt < c.firstOrderAt) c.firstOrderAt = line.placedAt;
  }

  private addOrderLine(line: SourceLine, kind: LineKind) {
    let o = this.orders.get(line.invoice);
    if (!o) {
      o = {
        number: line.invoice,
        kind: line.kind === "refund" ? "refund" : "sale",
        customerId: line.customerId,
        country: line.country,
        placedAt: line.placedAt,
        lines: [],
      };
      this.orders.set(line.invoice, o);
    } else if (o.customerId !== line.customerId || o.country !== line.country) {
      this.count("inconsistent_invoice_header");
    }
    o.lines.push({
      kind,
      sku: line.sku,
      title: line.description,
      quantity: line.quantity,
      unitPricePence: line.unitPricePence,
    });
  }

  result(): Analysis {
    const products: ProductDraft[] = [];
    const titles = new Map<string, string>();
    for (const p of this.products.values()) {
      const title = cleanTitle(mostCommon(p.descriptions) ?? "") || `Item ${p.sku}`;
      titles.set(p.sku, title);
      const price = mostCommon(p.prices, (a, b) => a - b) ?? mostCommon(p.refundPrices, (a, b) => a - b);
      products.push({
        sku: p.sku,
        title,
        categorySlug: categorize(title),
        colors: colorsOf(title),
        materials: materialsOf(title),
        // A product never sold at a price gets none: it is imported as a draft for a merchandiser to price.
        pricePence: price ?? 0,
        firstSoldAt: p.firstSoldAt,
        unitsSold: Math.max(0, p.unitsSold),
      });
    }
    // Order lines carry the product's clean title; a line with no description gets it too.
    for (const o of this.orders.values()) {
      for (const l of o.lines) {
        if (l.kind === "product") l.title = titles.get(l.sku) ?? (l.title || l.sku);
        else l.title = l.title ? cleanTitle(l.title) : l.sku;
      }
    }
    return {
      products,
      customers: [...this.customers.values()],
      orders: [...this.orders.values()],
      rowsRead: this.rowsRead,
      dirty: this.dirty,
      rejected: this.rejected,
    };
  }
}

/** The most frequent key; ties go to the smaller key by `order` (or first seen). */
function mostCommon<K>(counts: Map<K, number>, order?: (a: K, b: K) => number): K | undefined {
  let best: K | undefined;
  let bestN = -1;
  for (const [k, n] of counts) {
    if (n > bestN || (n === bestN && order && best !== undefined && order(k, best) < 0)) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug);
