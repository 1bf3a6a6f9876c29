import type { Metadata, Viewport } from "next";
import { Suspense } from "react";
import { VercelAnalytics } from "@/components/analytics/vercel-analytics";
import { siteUrl, SITE_NAME, SITE_TAGLINE } from "@/lib/site";
import "./globals.css";

// Every page carries a per-request CSP nonce, so nothing is prerendered (not even the 404 page).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${SITE_NAME} — ${SITE_TAGLINE}`, template: `%s · ${SITE_NAME}` },
  description: "Candles, lanterns, cushions, kitchenware and gifts to make a home feel like yours. Delivered by bike or EV where we can.",
  applicationName: SITE_NAME,
  appleWebApp: { capable: true, title: SITE_NAME, statusBarStyle: "default" },
  openGraph: { type: "website", siteName: SITE_NAME, locale: "en_GB" },
  twitter: { card: "summary_large_image" },
  icons: { icon: "/icons/icon.svg", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf6f0" },
    { media: "(prefers-color-scheme: dark)", color: "#1b1613" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-dvh antialiased">
        {children}
        <Suspense fallback={null}>
          <VercelAnalytics />
        </Suspense>
      </body>
    </html>
  );
}
