// The checker's verdicts, pinned: every stored call (the playground calls the bench classifies and
// every call the unit tests passed to checkCall when this was recorded) must get exactly its stored
// verdict, and the generated hostile calls and realistic variants must fingerprint the same, block
// by block. Work on the checker's speed must leave all of it untouched; a deliberate change of a
// verdict or text re-records it with `npx tsx scripts/record-checker-golden.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCall } from './checker';
import { BLOCK, blockDigests, hostileCalls, HOSTILE, variantCalls, VARIANTS_PER_CALL, type GoldenRecord } from './golden-verdicts';

const golden = JSON.parse(readFileSync(new URL('./fixtures/checker-golden.json', import.meta.url), 'utf8')) as GoldenRecord;

// About a second each alone; the unit tests share two cores with other work, so allow for that.
const GENEROUS = 60_000;

/** Blocks whose fingerprint differs, with the index of their first call, so a failure says where to look. */
function changedBlocks(actual: readonly string[], expected: readonly string[]): string[] {
  const changed: string[] = [];
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (actual[i] !== expected[i]) changed.push(`block ${i} (calls ${i * BLOCK}–${(i + 1) * BLOCK - 1})`);
  }
  return changed;
}

describe('golden verdicts', () => {
  test('the record holds the bench calls and the unit-test calls', () => {
    expect(golden.cases.length).toBeGreaterThan(150);
    expect(golden.cases.some(({ call }) => call.initiator.startsWith('http://app.test:'))).toBe(true);
  });

  test('every stored call gets exactly its stored verdict', () => {
    const differing = golden.cases.flatMap(({ call, verdict }, i) => {
      const now = checkCall(call);
      return JSON.stringify(now) === JSON.stringify(verdict) ? [] : [{ i, now, was: verdict }];
    });
    expect(differing.slice(0, 2)).toEqual([]);
    for (const { call, verdict } of golden.cases) expect(checkCall(call)).toEqual(verdict);
  });

  test('hostile calls fingerprint as recorded', () => {
    expect(golden.hostile).toMatchObject(HOSTILE);
    const digests = blockDigests(hostileCalls().map(checkCall));
    expect(changedBlocks(digests, golden.hostile.digests)).toEqual([]);
  }, GENEROUS);

  test('realistic variants of the stored calls fingerprint as recorded', () => {
    const variants = variantCalls(golden.cases);
    expect(variants).toHaveLength(golden.cases.length * VARIANTS_PER_CALL);
    expect(golden.variants.count).toBe(variants.length);
    expect(changedBlocks(blockDigests(variants.map(checkCall)), golden.variants.digests)).toEqual([]);
  }, GENEROUS);
});
