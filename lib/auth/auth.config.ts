import type { NextAuthConfig } from "next-auth";

export type Role = "customer" | "merchandiser" | "admin";

/**
 * The edge-safe half of the Auth.js config (no database, no argon2): what the proxy needs to read
 * a session. Providers and their DB work live in ./index.ts.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = String(user.id);
        token.role = (user as { role?: Role }).role ?? "customer";
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) {
        session.user.id = String(token.uid);
        (session.user as { role?: Role }).role = (token.role as Role) ?? "customer";
        (session as { sv?: number }).sv = Number(token.sv ?? 0);
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
