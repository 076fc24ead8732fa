// Checker: full verdicts (outcome, Chromium reason code, explanation, fix, warnings) per second in
// Node, over calls recorded from the playground in real Chromium. checkCall is what the panel
// runs once per call object (verdicts.ts caches by object), so it is timed directly, uncached.
// Timed in CPU time of this process (all its threads, so the collector's too): on a shared machine
// wall-clock time also counts the moments the scheduler gave the core to someone else.
import { checkCall } from '../src/shared/cors/checker';
import type { ObservedCall } from '../src/shared/observed-call';
import { recordedCalls } from './fixture-calls';
import type { BenchSection, Figure } from './figure';
import { median } from './stats';

const SECTION = 'Checker';

/** Classifies every call in turn until `count` verdicts are made; returns verdicts per second. */
function classificationsPerSecond(calls: readonly ObservedCall[], count: number): number {
  let sink = 0;
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    // Reading the verdict keeps the work from being optimised away.
    sink += checkCall(calls[i % calls.length] as ObservedCall).explanation.length;
  }
  const { user, system } = process.cpuUsage(started);
  if (sink === 0) throw new Error('the checker produced no explanations');
  return count / ((user + system) / 1e6);
}

export const checkerSection: BenchSection = {
  name: SECTION,
  run({ runs, quick }) {
    const calls = recordedCalls();
    const perRun = quick ? 20_000 : 300_000;
    classificationsPerSecond(calls, perRun / 2); // warm-up: let the JIT settle before timing
    const rates = Array.from({ length: runs }, () => classificationsPerSecond(calls, perRun));
    const figures: Figure[] = [
      {
        section: SECTION,
        name: 'classifications per second (checkCall)',
        value: Math.round(median(rates)),
        unit: '/s',
        target: { op: '>=', value: 200_000 },
        note: `median of ${runs} runs × ${perRun.toLocaleString('en')} verdicts over ${calls.length} recorded calls, CPU time`,
      },
    ];
    return Promise.resolve(figures);
  },
};
