import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The `cors-lens` command (bin/cors-lens.mjs imports it): one ES module for Node, reusing
// src/shared and the Playwright kit's launcher.
export default defineConfig({
  build: {
    outDir: 'dist-cli',
    emptyOutDir: true,
    ssr: 'src/cli/main.ts',
    target: 'node20',
    copyPublicDir: false,
    rollupOptions: {
      external: [/^node:/, ...builtinModules, 'playwright-core'],
      output: { entryFileNames: 'cli.js' },
    },
  },
});
