// The worker's own cost per webRequest event, for `npm run bench`: kept only in the seams build
// (build-mode.ts); the shipped extension records nothing. Two performance.now() calls and one
// array store per event. The last SAMPLE_CAPACITY samples are kept; older ones are overwritten.
// Chromium coarsens performance.now() to 100 µs in extension workers (they are not cross-origin
// isolated), with a random threshold per step, so one sample reads 0, 100 or 200 µs but the
// mean of many is close to the true time; readers average consecutive samples.
import { SEAMS_BUILD } from './build-mode';

const SAMPLE_CAPACITY = 1 << 16;

const samples = new Float64Array(SEAMS_BUILD ? SAMPLE_CAPACITY : 0);
let recorded = 0;
// The batched storage.session writes, which serve many events each: their synchronous part
// (building the items, and the browser binding copying them) in total, not per event.
let writes = 0;
let writeMs = 0;

export function addStoreWriteCost(milliseconds: number): void {
  if (!SEAMS_BUILD) return;
  writes++;
  writeMs += milliseconds;
}

export function addEventCost(milliseconds: number): void {
  if (!SEAMS_BUILD) return;
  samples[recorded % SAMPLE_CAPACITY] = milliseconds;
  recorded++;
}

export interface CaptureStats {
  /** Events measured since the last reset, including those whose sample was overwritten. */
  readonly events: number;
  /** Microseconds per event, oldest first, at most SAMPLE_CAPACITY of them. */
  readonly microseconds: number[];
  /** Batched storage writes since the last reset, and their total synchronous time. */
  readonly storeWrites: number;
  readonly storeWriteMicroseconds: number;
}

export function captureStats(): CaptureStats {
  const kept = Math.min(recorded, SAMPLE_CAPACITY);
  const start = recorded - kept;
  const microseconds = Array.from({ length: kept }, (_, i) => (samples[(start + i) % SAMPLE_CAPACITY] ?? 0) * 1000);
  return { events: recorded, microseconds, storeWrites: writes, storeWriteMicroseconds: writeMs * 1000 };
}

export function resetCaptureStats(): void {
  recorded = 0;
  writes = 0;
  writeMs = 0;
}
