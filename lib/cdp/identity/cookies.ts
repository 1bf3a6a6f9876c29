/** The CDP's cookies (names, settings, new ids), in a file without imports so proxy.ts and client code can share them. */
export const ANON_COOKIE = "hearth_aid";
export const ANON_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const CONSENT_COOKIE = "hearth_consent";

/** Readable by the page (the banner); after six months the shopper is asked again. */
export const CONSENT_COOKIE_OPTIONS = { path: "/", sameSite: "lax" as const, httpOnly: false, maxAge: 60 * 60 * 24 * 180 };

/** The anonymous id cookie's settings (callers add `secure` when the request came over HTTPS). */
export const ANON_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365 };

/** A new anonymous id: 32 hex characters (a UUID without dashes). */
export const newAnonymousId = () => crypto.randomUUID().replaceAll("-", "");
