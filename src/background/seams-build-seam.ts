// What the seams build (build-mode.ts) adds to `globalThis.corsLens` for benchmarks and tests, on
// top of the kit's seam. One type, checked against the worker's object, so the specs and
// benchmarks that drive it do not each cast a guess of their own.
import type { KitSeam } from '../shared/kit-seam';
import type { CaptureStats } from './capture-stats';
import type { CaptureMode } from './capture-switch';
import type { ListenerSetKey } from './scoped-listeners';
import type { trialSeam } from './trials';

export interface SeamsBuildMembers {
  /** The trial lifetime override. */
  readonly trials: typeof trialSeam;
  /** The worker's own cost per event. */
  captureStats(): CaptureStats;
  resetCaptureStats(): void;
  /** The same switch as the toolbar button. */
  setCapturePaused(paused: boolean): Promise<void>;
  captureMode(): CaptureMode;
  isListening(): boolean;
  /** The listener sets registered: 'every-tab', or the ids of the inspected tabs. */
  listenerSets(): ListenerSetKey[];
}

/** `globalThis` in the worker of the seams build (dist-seams/), as `serviceWorker.evaluate` sees it. */
export interface SeamsBuildGlobal {
  readonly corsLens: KitSeam & SeamsBuildMembers;
}
