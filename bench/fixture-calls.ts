// The recorded calls the checker benchmark classifies (see record-fixture.ts), read and checked
// for shape so a stale or hand-edited fixture fails with a message rather than a wrong figure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ObservedCall } from '../src/shared/observed-call';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/playground-calls.json');

export function recordedCalls(): ObservedCall[] {
  const parsed: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(looksLikeCall)) {
    throw new Error(`${FIXTURE} holds no recorded calls; run npx tsx bench/record-fixture.ts`);
  }
  return parsed as ObservedCall[];
}

function looksLikeCall(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'id' in value && 'hops' in value && Array.isArray(value.hops);
}
