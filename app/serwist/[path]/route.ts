import { createSerwistRoute } from "@serwist/turbopack";

// Bundles lib/offline/worker.ts at build time and serves it as /serwist/sw.js (scope "/").
// The precache is the shell only: styles, fonts and icons. Scripts and pictures are cached as they are used.
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/offline/worker.ts",
  useNativeEsbuild: true,
  globPatterns: [".next/static/**/*.{css,woff2}", "public/icons/*.{png,svg}"],
});
