// Summary statistics for benchmark samples. Medians, never means: one slow run on a shared
// two-core machine must not move the quoted figure.

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The order in which `variants` take turns in run `run`, so no variant always goes first. */
export function rotation<T>(variants: readonly T[], run: number): T[] {
  const shift = run % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}
