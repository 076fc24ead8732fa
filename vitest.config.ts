import { defineConfig } from 'vitest/config';

// Unit tests only: pure modules under src/, run in Node. End-to-end specs live in e2e/ and run
// under Playwright against real Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.reports/unit.json' }]],
  },
});
