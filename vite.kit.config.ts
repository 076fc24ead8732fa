import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Playwright kit (`cors-lens/playwright`): one ES module for Node, reusing src/shared.
export default defineConfig({
  build: {
    outDir: 'dist-kit',
    emptyOutDir: true,
    ssr: 'src/playwright/index.ts',
    target: 'node20',
    copyPublicDir: false,
    rollupOptions: {
      external: [/^node:/, ...builtinModules, 'playwright-core', '@playwright/test'],
      output: { entryFileNames: 'playwright.js' },
    },
  },
});
