import { defineConfig } from "vite";

// The app loads only its own bundled files: no CDN, no remote fonts.
export default defineConfig({
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    // Keep assets as files: the CSP allows scripts and styles from 'self' only.
    assetsInlineLimit: 0,
  },
});
