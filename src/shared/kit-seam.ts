// The one seam between the extension and the Playwright kit: `globalThis.corsLens` in the
// extension's service worker, which the kit reaches through `serviceWorker.evaluate` (web pages
// cannot). The kit checks `version` before it reads anything else.
import type { ObservedCall } from './observed-call';

/** Bump on any change to KitSeam that an older kit would misread. */
export const KIT_SEAM_VERSION = 1;

export interface KitSeam {
  readonly version: number;
  /** Raw calls of one tab (every tab when omitted), after every event already delivered is applied. */
  calls(tabId?: number): Promise<readonly ObservedCall[]>;
  /** The same clear as the panel's button, so an open panel empties too. */
  clear(tabId?: number): Promise<void>;
}

/** `globalThis` in the worker, as the kit sees it: an extension that is not CORS Lens has no seam. */
export interface KitSeamGlobal {
  readonly corsLens?: Partial<KitSeam>;
}

/** Why the kit cannot use the seam it found, or null when it can. */
export function kitSeamProblem(found: number | null): string | null {
  if (found === KIT_SEAM_VERSION) return null;
  if (found === null) {
    return 'CORS Lens: the loaded extension has no kit seam of a known version (globalThis.corsLens.version); load the dist/ shipped with this cors-lens package, or rebuild it with npm run build';
  }
  return `CORS Lens: the loaded extension speaks kit seam version ${found}, this kit speaks version ${KIT_SEAM_VERSION}; load the dist/ shipped with this cors-lens package (the kit and the extension must come from the same version)`;
}
