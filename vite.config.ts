import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [react(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The panel page is opened by chrome.devtools.panels.create, not named in the manifest.
    rollupOptions: { input: { panel: 'src/panel/panel.html' } },
  },
});
