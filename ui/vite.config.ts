import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// The app loads only its own bundled files: no CDN, no remote fonts.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Keep assets as files: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
    // Chart.js, loaded with Insights, is most of the code; a file of this size loads
    // in a few ms from disk.
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
