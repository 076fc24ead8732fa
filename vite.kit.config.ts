import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Playwright kit (`cors-lens/playwright`) for Node, reusing src/shared: an ES module for
// projects with "type": "module" and a CommonJS file for the rest, which is how Playwright loads
// TypeScript tests in a project made by `npm init -y`. Both load the user's @playwright/test,
// for `chromium` too, so the kit's pages and contexts are of the Playwright that runs the tests.
export default defineConfig({
  resolve: { alias: { 'playwright-core': '@playwright/test' } },
  build: {
    outDir: 'dist-kit',
    emptyOutDir: true,
    ssr: 'src/playwright/index.ts',
    target: 'node20',
    copyPublicDir: false,
    rollupOptions: {
      external: [/^node:/, ...builtinModules, '@playwright/test'],
      output: [
        { format: 'es', entryFileNames: 'playwright.js' },
        { format: 'cjs', entryFileNames: 'playwright.cjs' },
      ],
    },
  },
});
