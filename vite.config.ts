import { crx } from '@crxjs/vite-plugin';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { version } from './package.json' with { type: 'json' };

// `vite build` makes the extension we ship (dist/); `vite build --mode seams` makes the same
// extension with the benchmark and test seams (dist-seams/, see src/background/build-mode.ts).
export default defineConfig(({ mode }) => ({
  plugins: [react(), crx({ manifest: { ...manifest, version } })],
  build: {
    outDir: mode === 'seams' ? 'dist-seams' : 'dist',
    emptyOutDir: true,
    // The panel page is opened by chrome.devtools.panels.create, not named in the manifest.
    rollupOptions: { input: { panel: 'src/panel/panel.html' } },
  },
}));
