import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const skipped = ["node_modules", "e2e", ".next", "data"];

/** A test file opens a database if it uses the test-database helpers (lib/testing/). */
const opensDatabase = (file: string) => /@\/lib\/testing\/(db|catalog|customers)\b|createTestDb|createScratchPgDatabase/.test(fs.readFileSync(path.join(root, file), "utf8"));

/** The repository's test files, without walking node_modules, .next or the other skipped folders. */
function testFiles(dir = ""): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) return skipped.includes(rel) || e.name.startsWith(".") ? [] : testFiles(rel);
    return e.name.endsWith(".test.ts") ? [rel] : [];
  });
}

/** Every test file that never opens a database: `npm test -- fast` runs these, in seconds. */
const databaseFreeTests = () => testFiles().filter((f) => !opensDatabase(f));

const fast = process.env.HEARTH_TEST_LANE === "fast";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(root),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.resolve(root, "lib/testing/empty.ts"),
    },
  },
  test: {
    include: fast ? databaseFreeTests() : ["**/*.test.ts"],
    exclude: skipped.map((d) => `${d}/**`),
    environment: "node",
    // One migrated database per run, which every test file's database copies (lib/testing/db.ts).
    globalSetup: fast ? [] : ["lib/testing/db-template.ts"],
    env: { AUTH_SECRET: "test-secret-for-signing-cookies-only", RATE_LIMIT_SIGNIN_PER_ACCOUNT: "5" },
    pool: "forks",
    // next-auth imports "next/server" without an extension; bundling it through Vite resolves that.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // Generous: each test file starts its own PGlite (WASM), and machines here are shared.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
