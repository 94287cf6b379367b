/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The Tauri shell loads ui/dist; `--mode mock` builds the same app with mocked IPC
// (mock.html) for the accessibility run and screenshots.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: mode === "mock" ? "dist-mock" : "dist",
    target: "es2022",
    rollupOptions: mode === "mock" ? { input: "mock.html" } : undefined,
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    // Page tests type and click through whole dialogs; on a loaded 2-core machine that can
    // take longer than vitest's 5 s default, which is a hang guard here, not a speed target.
    testTimeout: 30000,
  },
}));
