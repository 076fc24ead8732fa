// Re-records the checker's golden verdicts (src/shared/cors/fixtures/checker-golden.json) from the
// checker as it is now, for the calls already stored there. Run it only when a verdict is meant to
// change, and review the diff: the golden test exists to catch changes nobody meant.
//   npx tsx scripts/record-checker-golden.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCall } from '../src/shared/cors/checker';
import {
  blockDigests,
  hostileCalls,
  HOSTILE,
  variantCalls,
  VARIANT_SEED,
  type GoldenCase,
  type GoldenRecord,
} from '../src/shared/cors/golden-verdicts';

const FILE = resolve(import.meta.dirname, '../src/shared/cors/fixtures/checker-golden.json');

const stored = JSON.parse(readFileSync(FILE, 'utf8')) as { cases: readonly Pick<GoldenCase, 'call'>[] };
const cases = stored.cases.map(({ call }) => ({ call, verdict: checkCall(call) }));
const variants = variantCalls(cases);
const record: GoldenRecord = {
  cases,
  hostile: { ...HOSTILE, digests: blockDigests(hostileCalls().map(checkCall)) },
  variants: { seed: VARIANT_SEED, count: variants.length, digests: blockDigests(variants.map(checkCall)) },
};
writeFileSync(FILE, `${JSON.stringify(record, null, 1)}\n`);
console.log(`${cases.length} stored calls, ${HOSTILE.count} hostile and ${variants.length} variant calls recorded`);
