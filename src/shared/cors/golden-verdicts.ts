// Test-only: the checker's golden record (fixtures/checker-golden.json) and how its generated
// parts are computed, shared by the golden test and the script that re-records it. The record
// pins every verdict, so a change meant only to make the checker faster must leave it untouched.
import type { ObservedCall } from '../observed-call';
import { fingerprint, mutateCall, randomCall, rng } from './verdict-corpus';
import type { Verdict } from './types';

export interface GoldenCase {
  readonly call: ObservedCall;
  readonly verdict: Verdict;
}

/** Generated calls are too many to store: each block of BLOCK verdicts is stored as a fingerprint. */
export interface GoldenDigests {
  readonly seed: number;
  readonly count: number;
  readonly digests: readonly string[];
}

export interface GoldenRecord {
  readonly cases: readonly GoldenCase[];
  readonly hostile: GoldenDigests;
  readonly variants: GoldenDigests;
}

export const BLOCK = 250;
export const HOSTILE = { seed: 156, count: 20_000 } as const;
/** Variants per stored call. */
export const VARIANTS_PER_CALL = 40;
export const VARIANT_SEED = 6;

/** The hostile calls, from the same generator and seed every time. */
export function hostileCalls(): ObservedCall[] {
  const r = rng(HOSTILE.seed);
  return Array.from({ length: HOSTILE.count }, () => {
    const call = randomCall(r);
    return r() < 0.1 ? { ...call, incomplete: true } : call;
  });
}

/** Realistic variants of the stored calls, from the same seed every time. */
export function variantCalls(cases: readonly GoldenCase[]): ObservedCall[] {
  const r = rng(VARIANT_SEED);
  return cases.flatMap(({ call }) => Array.from({ length: VARIANTS_PER_CALL }, () => mutateCall(r, call)));
}

// JSON would turn a NaN status into null and hide a difference there.
function stable(verdict: Verdict): string {
  return JSON.stringify(verdict, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));
}

/** One fingerprint per block of BLOCK verdicts. */
export function blockDigests(verdicts: readonly Verdict[]): string[] {
  const digests: string[] = [];
  for (let at = 0; at < verdicts.length; at += BLOCK) {
    digests.push(fingerprint(verdicts.slice(at, at + BLOCK).map(stable).join('\n')));
  }
  return digests;
}
