import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests',
  // Each test launches its own Chromium with CORS Lens.
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never' }],
    // CORS Lens's own CI adds these results to its test count.
    ...(process.env['JSON_REPORT'] ? [['json', { outputFile: process.env['JSON_REPORT'] }] as const] : []),
  ],
  webServer: {
    command: 'node server.js',
    url: 'http://127.0.0.1:4310/',
  },
});
