// What every benchmark section hands the runner: named figures, each with the target it is held
// to. The runner prints them and decides pass/fail, so no section judges itself.

export interface Target {
  readonly op: '<' | '<=' | '>=';
  readonly value: number;
}

export interface Figure {
  /** The heading this figure answers, e.g. "Page overhead". */
  readonly section: string;
  readonly name: string;
  readonly value: number;
  /** "x" for ratios, "µs", "ms", "MB", "/s", "calls", … */
  readonly unit: string;
  /** No target: printed for context only (e.g. the baseline a ratio was measured against). */
  readonly target?: Target;
  /** How it was measured, in a few words: "median of 5 runs", "p95 over 2,000 rows". */
  readonly note?: string;
}

export interface BenchOptions {
  /** Runs per measurement; medians are taken over these. At least 5 for quoted figures. */
  readonly runs: number;
  /** Smaller workloads, for checking the benchmarks still run (not for quoting). */
  readonly quick: boolean;
}

export interface BenchSection {
  readonly name: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

export function meets(figure: Figure): boolean | null {
  const { target, value } = figure;
  if (!target) return null;
  switch (target.op) {
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '>=':
      return value >= target.value;
  }
}
