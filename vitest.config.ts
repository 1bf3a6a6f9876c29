import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "data/**"],
    environment: "node",
    env: { AUTH_SECRET: "test-secret-for-signing-cookies-only", RATE_LIMIT_SIGNIN_PER_ACCOUNT: "5" },
    pool: "forks",
    // next-auth imports "next/server" without an extension; bundling it through Vite resolves that.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // Generous: PGlite boots a WASM Postgres per test file, and machines here are shared.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
