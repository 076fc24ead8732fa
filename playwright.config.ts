import { defineConfig } from '@playwright/test';

// Every spec drives a real Chromium with the built extension (`npm run build` first). One worker:
// the machine has two cores and each Chromium uses most of one.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: { trace: 'off' },
});
