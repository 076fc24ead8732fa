// Hands events on once a frame, at its start. While calls stream in, the port delivers several
// deltas a frame, each of which used to cost the panel a render and a layout of its own. Handed on
// at the animation frame, they are rendered and laid out once, just before that frame is painted,
// which is when they would have appeared anyway; no frame is waited for while nothing is queued.

export interface FrameBatch<T> {
  push(event: T): void;
  /** Drops what is still queued and stops. */
  cancel(): void;
}

export interface FrameClock {
  requestFrame(fn: () => void): () => void;
  /** A hidden page gets no animation frames; there every event goes on at once. */
  hidden(): boolean;
  /** Fallback for a page hidden after a frame was requested. */
  later(fn: () => void, ms: number): () => void;
}

// A frame that has not come after this long is not coming soon (the page was hidden).
const FRAME_TIMEOUT_MS = 100;

export function frameBatch<T>(deliver: (events: readonly T[]) => void, clock: FrameClock = browserClock): FrameBatch<T> {
  let queued: T[] = [];
  let cancelFrame: (() => void) | null = null;
  let cancelTimeout: (() => void) | null = null;

  function stopWaiting(): void {
    cancelFrame?.();
    cancelTimeout?.();
    cancelFrame = cancelTimeout = null;
  }

  function atFrame(): void {
    stopWaiting();
    if (queued.length === 0) return;
    const events = queued;
    queued = [];
    deliver(events);
  }

  return {
    push(event) {
      if (clock.hidden()) {
        atFrame();
        deliver([event]);
        return;
      }
      queued.push(event);
      if (cancelFrame !== null) return;
      cancelFrame = clock.requestFrame(atFrame);
      cancelTimeout = clock.later(atFrame, FRAME_TIMEOUT_MS);
    },
    cancel() {
      stopWaiting();
      queued = [];
    },
  };
}

const browserClock: FrameClock = {
  requestFrame(fn) {
    const handle = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(handle);
  },
  hidden: () => document.visibilityState === 'hidden',
  later(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
