// Prints the one line CI reads: `tests: N passed, N failed[, N skipped]`, summed over the unit
// (Vitest) and end-to-end (Playwright) JSON reports this run wrote to .reports/ (Playwright
// empties test-results/ when it starts). A suite that did not run (an earlier step failed)
// counts as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('.reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
} else failed += 1;

// Playwright: the extension's own e2e suite, then the example project that uses the kit.
for (const file of ['.reports/e2e.json', '.reports/example.json']) {
  const run = read(file);
  if (run) {
    passed += run.stats.expected + run.stats.flaky;
    failed += run.stats.unexpected;
    skipped += run.stats.skipped;
  } else failed += 1;
}

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
