/** Cookie names of the CDP, in a file without imports so proxy.ts and client code can share them. */
export const ANON_COOKIE = "hearth_aid";
export const ANON_ID = /^[A-Za-z0-9_-]{16,64}$/;
export const CONSENT_COOKIE = "hearth_consent";
