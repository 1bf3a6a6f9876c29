import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Debian's Chromium (no browser download works here), headless, without background network chatter.
const launchOptions = {
  executablePath: chromium,
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: process.env.E2E_REPORT ?? "playwright-report" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Journeys start with consent given (the banner would cover buttons); e2e/privacy.spec.ts starts without.
    storageState: {
      cookies: [{ name: "hearth_consent", value: "v1.1.1.1764000000", domain: "127.0.0.1", path: "/", expires: -1, httpOnly: false, secure: false, sameSite: "Lax" }],
      origins: [],
    },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions,
    // The service worker would answer page loads from its cache; journeys see the server.
    // e2e/offline.spec.ts allows it.
    serviceWorkers: "block",
  },
  projects: [
    // Admin is for desktops and tablets: its journeys run there, the shop's on phones and desktops.
    { name: "mobile", use: { ...devices["iPhone 13"], browserName: "chromium", launchOptions }, testIgnore: /admin\.spec\.ts/ },
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 }, launchOptions } },
    { name: "tablet", use: { ...devices["iPad (gen 7)"], browserName: "chromium", launchOptions }, testMatch: /admin\.spec\.ts/ },
  ],
  webServer: {
    // The built app behind the store's own server (the client address from the socket), started
    // directly (not through npm) so the whole process group stops with it.
    command: `node scripts/serve.mjs -p ${port}`,
    url: `http://127.0.0.1:${port}/robots.txt`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } as Record<string, string>,
  },
});
