import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering rules of docs/ARCHITECTURE.md that an import rule can say (lib/architecture.test.ts
// checks them too, with the ones a rule cannot say).
const noDatabase = {
  group: ["@/db", "@/db/*", "@/lib/db", "@/lib/db/*", "drizzle-orm", "drizzle-orm/*"],
  message: "Read through lib/<area>/queries.ts; only lib/ touches the database.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "data/**", "test-results/**", "playwright-report/**", "bench/out/**", "public/**"]),
  {
    rules: {
      // Unused values are mistakes; a leading underscore marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  { files: ["components/**/*.{ts,tsx}", "app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [noDatabase] }] } },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*"], message: "lib/ never imports from app/ or components/." }] }] },
  },
  {
    files: ["db/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*", "@/lib/*"], message: "The schema knows nothing above it." }] }] },
  },
]);
