import type { MetadataRoute } from "next";
import { CATEGORIES } from "@/lib/catalog/categories";
import { getSitemapProducts } from "@/lib/catalog/queries";
import { siteUrl } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteUrl();
  const products = await getSitemapProducts();
  return [
    { url: `${origin}/`, changeFrequency: "daily", priority: 1 },
    { url: `${origin}/shop`, changeFrequency: "daily", priority: 0.8 },
    ...CATEGORIES.map((c) => ({ url: `${origin}/category/${c.slug}`, changeFrequency: "daily" as const, priority: 0.7 })),
    ...products.map((p) => ({ url: `${origin}/product/${p.slug}`, lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
}
