import { NextResponse, type NextRequest } from "next/server";
import { ANON_COOKIE, ANON_COOKIE_OPTIONS, ANON_ID, newAnonymousId } from "@/lib/cdp/identity/cookies";
import { env } from "@/lib/env";
import { requestIsHttps } from "@/lib/security/request";

/**
 * Per-request CSP, plus HSTS when served over HTTPS. Only headers here: authorization checks live
 * in layouts and the action wrapper.
 *
 * Scripts (ADR 0008): inline ones need this request's nonce (Next puts it on the RSC payload and
 * the scripts it streams); script files load from this origin only. No 'strict-dynamic': it would
 * ignore 'self', so a cached or prerendered page, whose <script src> tags can hold no request's
 * nonce, could not load at all; and it lets any script a page's code inserts run, from any origin.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = env().NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes are used by React for layout; no inline <style> from users is rendered.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // The anonymous id (CDP): one per browser from its first visit, visible to this very request too.
  const anonymousId = request.cookies.get(ANON_COOKIE)?.value;
  const freshId = anonymousId && ANON_ID.test(anonymousId) ? null : newAnonymousId();
  if (freshId) {
    const others = (request.headers.get("cookie") ?? "").split(/;\s*/).filter((c) => c && !c.startsWith(`${ANON_COOKIE}=`));
    requestHeaders.set("cookie", [...others, `${ANON_COOKIE}=${freshId}`].join("; "));
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // X-Forwarded-Proto is the serving process's vetted word (scripts/forwarded.mjs).
  const https = request.nextUrl.protocol === "https:" || requestIsHttps(request.headers);
  response.headers.set("Content-Security-Policy", csp);
  if (freshId) {
    response.cookies.set(ANON_COOKIE, freshId, { ...ANON_COOKIE_OPTIONS, secure: https });
  }
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: static files, images and the image route need no nonce.
      source: "/((?!_next/static|_next/image|img/|icons/|serwist/|v1/|api/collect|favicon.ico|manifest.webmanifest|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
